#pragma once
// Generic HDF5 layer: one open file with typed attributes, whole datasets and extendible time series.
// Every failure is reported as a nessie::IoError naming the file and the object; HDF5's own error printing is off.
#include <hdf5.h>

#include <complex>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace nessie::io {

// How a file is opened: create_new refuses an existing file, overwrite truncates it.
enum class OpenMode { create_new, overwrite, read_only, read_write };

namespace detail {

// Sole owner of one HDF5 identifier (dataset, type, space, property list...), released once.
class Hid {
 public:
  Hid() = default;
  explicit Hid(hid_t id) : id_(id) {}
  Hid(Hid&& other) noexcept : id_(other.id_) { other.id_ = H5I_INVALID_HID; }
  Hid& operator=(Hid&& other) noexcept;
  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;
  ~Hid() { reset(); }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  void reset() noexcept;
  void release() noexcept { id_ = H5I_INVALID_HID; }  // forget the identifier without closing it

 private:
  hid_t id_ = H5I_INVALID_HID;
};

}  // namespace detail

// Initialises the HDF5 library (the first HDF5 call does it anyway: about a millisecond, most of the time of
// creating a run file). A run calls it on a thread of its own while it sets up, and joins that thread before any
// other HDF5 call: the library is not thread-safe.
void initialize_hdf5();

// One open HDF5 file. Object paths are "a/b/c" (a leading "/" is allowed; "" and "/" are the root group).
// Movable, not copyable; closes in the destructor. Closing also closes every object still open in the file,
// so an ExtendibleDataset outliving close() throws IoError on its next append.
class Hdf5File {
 public:
  Hdf5File(const std::string& path, OpenMode mode);
  Hdf5File(Hdf5File&& other) noexcept = default;
  Hdf5File& operator=(Hdf5File&& other) noexcept;
  Hdf5File(const Hdf5File&) = delete;
  Hdf5File& operator=(const Hdf5File&) = delete;
  ~Hdf5File();

  const std::string& path() const { return path_; }
  bool is_open() const { return file_.valid(); }
  void flush();  // H5Fflush(H5F_SCOPE_GLOBAL): what is flushed survives a killed process
  void close();  // idempotent
  // After a failed write (full disk) HDF5 1.10 can crash while closing the file, so a failing writer lets go of the
  // handle without closing it: what was flushed before stays readable, nothing more is written. Use just before exit.
  void abandon();

  bool exists(const std::string& object_path) const;  // false also when an intermediate group is missing
  void create_group(const std::string& group_path);   // creates intermediate groups; fine if it exists
  std::vector<std::string> list_group(const std::string& group_path) const;  // member names, sorted

  // Attributes on a group or dataset; an attribute of the same name is replaced (its type may change).
  void set_attribute(const std::string& object_path, const std::string& name, double value);
  void set_attribute(const std::string& object_path, const std::string& name, long long value);
  void set_attribute(const std::string& object_path, const std::string& name, const std::string& value);
  void set_attribute(const std::string& object_path, const std::string& name, const std::vector<double>& value);
  void set_attribute(const std::string& object_path, const std::string& name, const std::vector<long long>& value);
  // Any other integer (int, std::size_t...) is stored as a 64-bit integer; without this, 3 would be ambiguous.
  template <class Integer, std::enable_if_t<std::is_integral_v<Integer>, int> = 0>
  void set_attribute(const std::string& object_path, const std::string& name, Integer value) {
    set_attribute(object_path, name, static_cast<long long>(value));
  }
  bool has_attribute(const std::string& object_path, const std::string& name) const;
  double read_double_attribute(const std::string& object_path, const std::string& name) const;  // float or integer
  long long read_integer_attribute(const std::string& object_path, const std::string& name) const;
  std::string read_string_attribute(const std::string& object_path, const std::string& name) const;
  std::vector<double> read_double_vector_attribute(const std::string& object_path, const std::string& name) const;
  std::vector<long long> read_integer_vector_attribute(const std::string& object_path,
                                                       const std::string& name) const;

  // Whole datasets in row-major (C) order; an empty shape is a scalar. Intermediate groups are created and an
  // existing dataset of the same name is replaced.
  void write_dataset(const std::string& path, const std::vector<double>& data, const std::vector<hsize_t>& shape);
  void write_dataset(const std::string& path, const double* data, std::size_t count, const std::vector<hsize_t>& shape);
  void write_dataset(const std::string& path, const std::vector<long long>& data,
                     const std::vector<hsize_t>& shape);
  void write_complex_dataset(const std::string& path, const std::vector<std::complex<double>>& data,
                             const std::vector<hsize_t>& shape);
  std::vector<double> read_dataset(const std::string& path, std::vector<hsize_t>* shape = nullptr) const;
  std::vector<long long> read_integer_dataset(const std::string& path, std::vector<hsize_t>* shape = nullptr) const;
  std::vector<std::complex<double>> read_complex_dataset(const std::string& path,
                                                         std::vector<hsize_t>* shape = nullptr) const;
  bool is_complex_dataset(const std::string& path) const;  // compound {r, i}, as h5py writes complex128
  std::vector<hsize_t> dataset_shape(const std::string& path) const;

  hid_t handle();  // the file identifier: escape hatch for what this class does not cover

 private:
  hid_t id() const;
  detail::Hid open_object(const std::string& object_path) const;
  detail::Hid open_dataset(const std::string& path) const;
  detail::Hid open_attribute(const std::string& object_path, const std::string& name) const;
  void write_attribute(const std::string& object_path, const std::string& name, hid_t file_type, hid_t memory_type,
                       const std::vector<hsize_t>& shape, const void* data);
  void write_whole_dataset(const std::string& path, hid_t file_type, hid_t memory_type, std::size_t count,
                           const std::vector<hsize_t>& shape, const void* data);

  std::string path_;
  detail::Hid file_;  // invalid once closed
};

// A chunked dataset extendible along its first dimension: one sample per row, sample_shape is the rest (empty for
// a scalar series). Each append extends by one row and writes it, so a killed run keeps every flushed sample.
class ExtendibleDataset {
 public:
  enum class Kind { real, complex };

  // Creates the dataset (and intermediate groups); IoError if something already exists at path. Chunks hold about
  // 64 KiB of samples, and no more than `expected_samples` (when known, > 0) so that a short series stays small.
  ExtendibleDataset(Hdf5File& file, const std::string& path, const std::vector<hsize_t>& sample_shape, Kind kind,
                    hsize_t expected_samples = 0);

  void append(const double* sample);  // product(sample_shape) values, row-major
  void append(const std::vector<double>& sample);
  void append(double value);  // for scalar series
  void abandon() { dataset_.release(); }  // after an I/O failure: never closed (see Hdf5File::abandon)
  void append(const std::complex<double>* sample);
  void append(const std::vector<std::complex<double>>& sample);
  // `count` samples at once (one extent change and one write): rows row-major, one sample after the other.
  void append_rows(const double* rows, hsize_t count);
  void append_rows(const std::complex<double>* rows, hsize_t count);

  hsize_t size() const { return size_; }  // samples written
  const std::string& path() const { return path_; }
  const std::vector<hsize_t>& sample_shape() const { return sample_shape_; }
  Kind kind() const { return kind_; }

 private:
  void append_rows(hid_t memory_type, const void* rows, hsize_t count);
  void require_kind(Kind wanted) const;
  void require_values(std::size_t count) const;

  std::string file_path_;
  std::string path_;
  std::vector<hsize_t> sample_shape_;
  hsize_t sample_values_;
  Kind kind_;
  detail::Hid dataset_;
  hsize_t size_ = 0;
};

}  // namespace nessie::io
