#include <nessie/io/hdf5_file.hpp>

#include <nessie/errors.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <numeric>
#include <system_error>

namespace nessie::io {

namespace detail {

Hid& Hid::operator=(Hid&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

void Hid::reset() noexcept {
  // A strong file close may already have released the identifier; releasing it again would be an HDF5 error.
  if (id_ >= 0 && H5Iis_valid(id_) > 0) H5Idec_ref(id_);
  id_ = H5I_INVALID_HID;
}

}  // namespace detail

namespace {

using detail::Hid;

// HDF5 prints its whole error stack to stderr by default; our IoError says what failed in one line instead.
void silence_hdf5_errors() {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

std::string normalized(const std::string& object_path) {
  return object_path.empty() ? "/" : object_path;
}

bool is_root(const std::string& object_path) {
  return object_path.find_first_not_of('/') == std::string::npos;
}

std::string quoted(const std::string& what, const std::string& object_path) {
  return what + " '" + normalized(object_path) + "'";
}

std::string attribute_text(const std::string& object_path, const std::string& name) {
  return "attribute '" + name + "' of '" + normalized(object_path) + "'";
}

std::string shape_text(const std::vector<hsize_t>& shape) {
  if (shape.empty()) return "scalar";
  std::string text;
  for (std::size_t k = 0; k < shape.size(); ++k) text += (k ? "x" : "") + std::to_string(shape[k]);
  return text;
}

hsize_t value_count(const std::vector<hsize_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), hsize_t{1}, std::multiplies<hsize_t>());
}

// An empty shape is a scalar dataspace, so a single number is stored as h5py would store a numpy scalar.
Hid make_space(const std::vector<hsize_t>& shape) {
  if (shape.empty()) return Hid(H5Screate(H5S_SCALAR));
  return Hid(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr));
}

std::vector<hsize_t> space_shape(hid_t space) {
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> shape(static_cast<std::size_t>(std::max(rank, 0)));
  if (rank > 0) H5Sget_simple_extent_dims(space, shape.data(), nullptr);
  return shape;
}

hsize_t space_values(hid_t space) {
  const hssize_t points = H5Sget_simple_extent_npoints(space);
  return points > 0 ? static_cast<hsize_t>(points) : 0;
}

// Compound {r, i} of doubles laid out as std::complex<double>: the layout h5py maps to numpy complex128.
Hid make_complex_type() {
  Hid type(H5Tcreate(H5T_COMPOUND, sizeof(std::complex<double>)));
  H5Tinsert(type.get(), "r", 0, H5T_NATIVE_DOUBLE);
  H5Tinsert(type.get(), "i", sizeof(double), H5T_NATIVE_DOUBLE);
  return type;
}

bool is_complex_type(hid_t type) {
  if (H5Tget_class(type) != H5T_COMPOUND || H5Tget_nmembers(type) != 2) return false;
  const int real = H5Tget_member_index(type, "r");
  const int imaginary = H5Tget_member_index(type, "i");
  return real >= 0 && imaginary >= 0 && H5Tget_member_class(type, static_cast<unsigned>(real)) == H5T_FLOAT &&
         H5Tget_member_class(type, static_cast<unsigned>(imaginary)) == H5T_FLOAT;
}

Hid make_utf8_string_type() {
  Hid type(H5Tcopy(H5T_C_S1));
  H5Tset_size(type.get(), H5T_VARIABLE);
  H5Tset_cset(type.get(), H5T_CSET_UTF8);
  return type;
}

// Link creation that makes missing parent groups, so callers can write "a/b/c" in one call.
Hid make_parents_lcpl() {
  Hid lcpl(H5Pcreate(H5P_LINK_CREATE));
  H5Pset_create_intermediate_group(lcpl.get(), 1);
  return lcpl;
}

std::string create_failure_hint(const std::string& path) {
  std::error_code ignored;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder, ignored)) {
    return "cannot create file (folder '" + folder.string() + "' does not exist)";
  }
  return "cannot create file (is the folder writable and the file not open in another program?)";
}

std::string open_failure_hint(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) return "cannot open file (no such file)";
  if (H5Fis_hdf5(path.c_str()) <= 0) return "cannot open file (not an HDF5 file, or unreadable)";
  return "cannot open file (no permission, locked by another writer, or damaged?)";
}

herr_t collect_link_name(hid_t, const char* name, const H5L_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

}  // namespace

void initialize_hdf5() { silence_hdf5_errors(); }

// ---- Hdf5File: opening and closing ----

Hdf5File::Hdf5File(const std::string& path, OpenMode mode) : path_(path) {
  silence_hdf5_errors();
  std::error_code ignored;
  if (mode == OpenMode::create_new && std::filesystem::exists(path, ignored)) {
    throw IoError(path, "file already exists (refusing to overwrite it)");
  }
  const bool creating = mode == OpenMode::create_new || mode == OpenMode::overwrite;
  unsigned flags = H5F_ACC_RDONLY;
  switch (mode) {
    case OpenMode::create_new: flags = H5F_ACC_EXCL; break;
    case OpenMode::overwrite: flags = H5F_ACC_TRUNC; break;
    case OpenMode::read_only: flags = H5F_ACC_RDONLY; break;
    case OpenMode::read_write: flags = H5F_ACC_RDWR; break;
  }
  // Strong close: close() really releases the file even while datasets are still open, so it can be reopened.
  const Hid access(H5Pcreate(H5P_FILE_ACCESS));
  if (!access.valid() || H5Pset_fclose_degree(access.get(), H5F_CLOSE_STRONG) < 0) {
    throw IoError(path, "cannot set up the file access properties");
  }
  file_ = Hid(creating ? H5Fcreate(path.c_str(), flags, H5P_DEFAULT, access.get())
                       : H5Fopen(path.c_str(), flags, access.get()));
  if (!file_.valid()) throw IoError(path, creating ? create_failure_hint(path) : open_failure_hint(path));
}

Hdf5File& Hdf5File::operator=(Hdf5File&& other) noexcept {
  if (this != &other) {
    try {
      close();
    } catch (const IoError&) {
      // A move cannot report; the file being replaced is released either way.
    }
    path_ = std::move(other.path_);
    file_ = std::move(other.file_);
  }
  return *this;
}

Hdf5File::~Hdf5File() {
  try {
    close();
  } catch (const IoError&) {
    // Destructors must not throw; callers who need to know call close() themselves.
  }
}

void Hdf5File::flush() {
  if (H5Fflush(id(), H5F_SCOPE_GLOBAL) < 0) throw IoError(path_, "cannot flush file to disk");
}

void Hdf5File::close() {
  if (!file_.valid()) return;
  const hid_t file = file_.get();
  file_.release();  // closed from here on, even if closing fails
  if (H5Fclose(file) < 0) throw IoError(path_, "cannot close file (data may not have reached the disk)");
}

void Hdf5File::abandon() {
  file_.release();  // deliberately never closed (see the header)
}

hid_t Hdf5File::handle() { return id(); }

hid_t Hdf5File::id() const {
  if (!file_.valid()) throw IoError(path_, "file is closed");
  return file_.get();
}

// ---- Groups and objects ----

bool Hdf5File::exists(const std::string& object_path) const {
  const hid_t file = id();
  if (is_root(object_path)) return true;
  // H5Lexists needs every parent to exist, so walk down one component at a time.
  std::string prefix = object_path.front() == '/' ? "/" : "";
  std::size_t start = 0;
  while (start < object_path.size()) {
    std::size_t end = object_path.find('/', start);
    if (end == std::string::npos) end = object_path.size();
    if (end > start) {
      if (!prefix.empty() && prefix.back() != '/') prefix += '/';
      prefix += object_path.substr(start, end - start);
      if (H5Lexists(file, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    }
    start = end + 1;
  }
  return H5Oexists_by_name(file, prefix.c_str(), H5P_DEFAULT) > 0;  // false for a dangling soft link
}

Hid Hdf5File::open_object(const std::string& object_path) const {
  const hid_t file = id();
  // Opened directly (HDF5's own errors are silenced); only a failure walks the path to say why: the walk, a lookup
  // per component, took most of the time of writing an attribute.
  Hid object(H5Oopen(file, normalized(object_path).c_str(), H5P_DEFAULT));
  if (object.valid()) return object;
  if (!exists(object_path)) throw IoError(path_, quoted("object", object_path) + " not found");
  throw IoError(path_, "cannot open " + quoted("object", object_path));
}

void Hdf5File::create_group(const std::string& group_path) {
  const hid_t file = id();
  if (exists(group_path)) {
    if (H5Iget_type(open_object(group_path).get()) != H5I_GROUP) {
      throw IoError(path_, quoted("object", group_path) + " exists and is not a group");
    }
    return;
  }
  const Hid lcpl = make_parents_lcpl();
  const Hid group(H5Gcreate2(file, group_path.c_str(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT));
  if (!group.valid()) {
    throw IoError(path_, "cannot create " + quoted("group", group_path) + " (read-only file, or a parent is not a group?)");
  }
}

std::vector<std::string> Hdf5File::list_group(const std::string& group_path) const {
  const Hid object = open_object(group_path);
  if (H5Iget_type(object.get()) != H5I_GROUP) throw IoError(path_, quoted("object", group_path) + " is not a group");
  std::vector<std::string> names;
  hsize_t position = 0;
  if (H5Literate(object.get(), H5_INDEX_NAME, H5_ITER_INC, &position, collect_link_name, &names) < 0) {
    throw IoError(path_, "cannot list " + quoted("group", group_path));
  }
  return names;
}

// ---- Attributes ----

void Hdf5File::write_attribute(const std::string& object_path, const std::string& name, hid_t file_type,
                               hid_t memory_type, const std::vector<hsize_t>& shape, const void* data) {
  const Hid object = open_object(object_path);
  const std::string what = attribute_text(object_path, name);
  // Delete and recreate rather than write in place: the new value may have another type or length.
  if (H5Aexists(object.get(), name.c_str()) > 0 && H5Adelete(object.get(), name.c_str()) < 0) {
    throw IoError(path_, "cannot replace " + what + " (file opened read-only?)");
  }
  const Hid space = make_space(shape);
  const Hid attribute(H5Acreate2(object.get(), name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT));
  if (!attribute.valid()) throw IoError(path_, "cannot create " + what + " (file opened read-only?)");
  // An empty vector has nothing to write, and HDF5 refuses the null buffer an empty std::vector may hand out.
  if (value_count(shape) > 0 && H5Awrite(attribute.get(), memory_type, data) < 0) {
    throw IoError(path_, "cannot write " + what);
  }
}

void Hdf5File::set_attribute(const std::string& object_path, const std::string& name, double value) {
  write_attribute(object_path, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {}, &value);
}

void Hdf5File::set_attribute(const std::string& object_path, const std::string& name, long long value) {
  write_attribute(object_path, name, H5T_STD_I64LE, H5T_NATIVE_LLONG, {}, &value);
}

void Hdf5File::set_attribute(const std::string& object_path, const std::string& name, const std::string& value) {
  const Hid type = make_utf8_string_type();
  const char* text = value.c_str();
  write_attribute(object_path, name, type.get(), type.get(), {}, &text);
}

void Hdf5File::set_attribute(const std::string& object_path, const std::string& name,
                             const std::vector<double>& value) {
  write_attribute(object_path, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {value.size()}, value.data());
}

void Hdf5File::set_attribute(const std::string& object_path, const std::string& name,
                             const std::vector<long long>& value) {
  write_attribute(object_path, name, H5T_STD_I64LE, H5T_NATIVE_LLONG, {value.size()}, value.data());
}

bool Hdf5File::has_attribute(const std::string& object_path, const std::string& name) const {
  return H5Aexists(open_object(object_path).get(), name.c_str()) > 0;
}

Hid Hdf5File::open_attribute(const std::string& object_path, const std::string& name) const {
  const Hid object = open_object(object_path);
  if (H5Aexists(object.get(), name.c_str()) <= 0) {
    throw IoError(path_, attribute_text(object_path, name) + " not found");
  }
  Hid attribute(H5Aopen(object.get(), name.c_str(), H5P_DEFAULT));
  if (!attribute.valid()) throw IoError(path_, "cannot open " + attribute_text(object_path, name));
  return attribute;
}

namespace {

// All values of a numeric attribute, converted by HDF5 to the memory type; integers_only refuses floats so that
// read_integer_* never rounds silently.
template <class Value>
std::vector<Value> read_numeric_attribute(hid_t attribute, hid_t memory_type, bool integers_only,
                                          const std::string& file_path, const std::string& what) {
  const Hid type(H5Aget_type(attribute));
  const H5T_class_t type_class = H5Tget_class(type.get());
  const bool accepted = type_class == H5T_INTEGER || (!integers_only && type_class == H5T_FLOAT);
  if (!accepted) throw IoError(file_path, what + (integers_only ? " is not an integer" : " is not a number"));
  const Hid space(H5Aget_space(attribute));
  std::vector<Value> values(space_values(space.get()));
  if (!values.empty() && H5Aread(attribute, memory_type, values.data()) < 0) {
    throw IoError(file_path, "cannot read " + what);
  }
  return values;
}

template <class Value>
Value single_value(const std::vector<Value>& values, const std::string& file_path, const std::string& what) {
  if (values.size() != 1) {
    throw IoError(file_path, what + " holds " + std::to_string(values.size()) + " values, not one");
  }
  return values.front();
}

}  // namespace

double Hdf5File::read_double_attribute(const std::string& object_path, const std::string& name) const {
  const std::string what = attribute_text(object_path, name);
  const Hid attribute = open_attribute(object_path, name);
  return single_value(read_numeric_attribute<double>(attribute.get(), H5T_NATIVE_DOUBLE, false, path_, what), path_,
                      what);
}

long long Hdf5File::read_integer_attribute(const std::string& object_path, const std::string& name) const {
  const std::string what = attribute_text(object_path, name);
  const Hid attribute = open_attribute(object_path, name);
  return single_value(read_numeric_attribute<long long>(attribute.get(), H5T_NATIVE_LLONG, true, path_, what),
                      path_, what);
}

std::vector<double> Hdf5File::read_double_vector_attribute(const std::string& object_path,
                                                           const std::string& name) const {
  const Hid attribute = open_attribute(object_path, name);
  return read_numeric_attribute<double>(attribute.get(), H5T_NATIVE_DOUBLE, false, path_,
                                        attribute_text(object_path, name));
}

std::vector<long long> Hdf5File::read_integer_vector_attribute(const std::string& object_path,
                                                               const std::string& name) const {
  const Hid attribute = open_attribute(object_path, name);
  return read_numeric_attribute<long long>(attribute.get(), H5T_NATIVE_LLONG, true, path_,
                                           attribute_text(object_path, name));
}

std::string Hdf5File::read_string_attribute(const std::string& object_path, const std::string& name) const {
  const std::string what = attribute_text(object_path, name);
  const Hid attribute = open_attribute(object_path, name);
  const Hid stored_type(H5Aget_type(attribute.get()));
  if (H5Tget_class(stored_type.get()) != H5T_STRING) throw IoError(path_, what + " is not a string");
  const Hid space(H5Aget_space(attribute.get()));
  if (space_values(space.get()) != 1) throw IoError(path_, what + " is not a single string");
  // Both layouts occur: variable-length (ours, h5py's str) and fixed-length (numpy bytes, other tools).
  if (H5Tis_variable_str(stored_type.get()) > 0) {
    const Hid type = make_utf8_string_type();
    char* text = nullptr;
    if (H5Aread(attribute.get(), type.get(), &text) < 0) throw IoError(path_, "cannot read " + what);
    std::string value = text ? text : "";
    H5free_memory(text);
    return value;
  }
  const std::size_t length = H5Tget_size(stored_type.get());
  const Hid type(H5Tcopy(H5T_C_S1));
  H5Tset_size(type.get(), length);
  H5Tset_cset(type.get(), H5Tget_cset(stored_type.get()));
  H5Tset_strpad(type.get(), H5T_STR_NULLPAD);  // a full-length string has no terminator to make room for
  std::string value(length, '\0');
  if (H5Aread(attribute.get(), type.get(), value.data()) < 0) throw IoError(path_, "cannot read " + what);
  value.resize(value.find('\0') == std::string::npos ? length : value.find('\0'));  // drop the padding
  return value;
}

// ---- Whole datasets ----

void Hdf5File::write_whole_dataset(const std::string& path, hid_t file_type, hid_t memory_type, std::size_t count,
                                   const std::vector<hsize_t>& shape, const void* data) {
  const hid_t file = id();
  const std::string what = quoted("dataset", path);
  if (count != value_count(shape)) {
    throw IoError(path_, "cannot write " + what + ": " + std::to_string(count) + " values do not fill shape " +
                             shape_text(shape));
  }
  if (exists(path)) {
    if (H5Iget_type(open_object(path).get()) != H5I_DATASET) {
      throw IoError(path_, quoted("object", path) + " exists and is not a dataset");
    }
    if (H5Ldelete(file, path.c_str(), H5P_DEFAULT) < 0) {
      throw IoError(path_, "cannot replace " + what + " (file opened read-only?)");
    }
  }
  const Hid lcpl = make_parents_lcpl();
  const Hid space = make_space(shape);
  const Hid dataset(H5Dcreate2(file, path.c_str(), file_type, space.get(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT));
  if (!dataset.valid()) {
    throw IoError(path_, "cannot create " + what + " (read-only file, or a parent is not a group?)");
  }
  if (count > 0 && H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0) {
    throw IoError(path_, "cannot write " + what + " (disk full?)");
  }
}

void Hdf5File::write_dataset(const std::string& path, const std::vector<double>& data,
                             const std::vector<hsize_t>& shape) {
  write_dataset(path, data.data(), data.size(), shape);
}

void Hdf5File::write_dataset(const std::string& path, const double* data, std::size_t count,
                             const std::vector<hsize_t>& shape) {
  write_whole_dataset(path, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, count, shape, data);
}

void Hdf5File::write_dataset(const std::string& path, const std::vector<long long>& data,
                             const std::vector<hsize_t>& shape) {
  write_whole_dataset(path, H5T_STD_I64LE, H5T_NATIVE_LLONG, data.size(), shape, data.data());
}

void Hdf5File::write_complex_dataset(const std::string& path, const std::vector<std::complex<double>>& data,
                                     const std::vector<hsize_t>& shape) {
  const Hid type = make_complex_type();
  write_whole_dataset(path, type.get(), type.get(), data.size(), shape, data.data());
}

Hid Hdf5File::open_dataset(const std::string& path) const {
  const hid_t file = id();
  if (!exists(path)) throw IoError(path_, quoted("dataset", path) + " not found");
  Hid dataset(H5Dopen2(file, path.c_str(), H5P_DEFAULT));
  if (!dataset.valid()) throw IoError(path_, quoted("object", path) + " is not a dataset");
  return dataset;
}

std::vector<hsize_t> Hdf5File::dataset_shape(const std::string& path) const {
  const Hid dataset = open_dataset(path);
  const Hid space(H5Dget_space(dataset.get()));
  return space_shape(space.get());
}

bool Hdf5File::is_complex_dataset(const std::string& path) const {
  const Hid dataset = open_dataset(path);
  const Hid type(H5Dget_type(dataset.get()));
  return is_complex_type(type.get());
}

namespace {

// Every value of a dataset in row-major order, converted by HDF5 to the memory type.
template <class Value>
std::vector<Value> read_all(hid_t dataset, hid_t memory_type, std::vector<hsize_t>* shape,
                            const std::string& file_path, const std::string& what) {
  const Hid space(H5Dget_space(dataset));
  std::vector<Value> values(space_values(space.get()));
  if (!values.empty() && H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
    throw IoError(file_path, "cannot read " + what);
  }
  if (shape) *shape = space_shape(space.get());
  return values;
}

}  // namespace

std::vector<double> Hdf5File::read_dataset(const std::string& path, std::vector<hsize_t>* shape) const {
  const std::string what = quoted("dataset", path);
  const Hid dataset = open_dataset(path);
  const Hid type(H5Dget_type(dataset.get()));
  const H5T_class_t type_class = H5Tget_class(type.get());
  if (is_complex_type(type.get())) throw IoError(path_, what + " is complex (read it with read_complex_dataset)");
  if (type_class != H5T_FLOAT && type_class != H5T_INTEGER) throw IoError(path_, what + " is not numeric");
  return read_all<double>(dataset.get(), H5T_NATIVE_DOUBLE, shape, path_, what);
}

std::vector<long long> Hdf5File::read_integer_dataset(const std::string& path, std::vector<hsize_t>* shape) const {
  const std::string what = quoted("dataset", path);
  const Hid dataset = open_dataset(path);
  const Hid type(H5Dget_type(dataset.get()));
  if (H5Tget_class(type.get()) != H5T_INTEGER) throw IoError(path_, what + " does not hold integers");
  return read_all<long long>(dataset.get(), H5T_NATIVE_LLONG, shape, path_, what);
}

std::vector<std::complex<double>> Hdf5File::read_complex_dataset(const std::string& path,
                                                                 std::vector<hsize_t>* shape) const {
  const std::string what = quoted("dataset", path);
  const Hid dataset = open_dataset(path);
  const Hid stored_type(H5Dget_type(dataset.get()));
  if (!is_complex_type(stored_type.get())) throw IoError(path_, what + " is not complex (no compound {r, i})");
  const Hid type = make_complex_type();
  return read_all<std::complex<double>>(dataset.get(), type.get(), shape, path_, what);
}

// ---- ExtendibleDataset ----

namespace {

// About 64 KiB per chunk (large enough for efficient I/O), and no more rows than the series is expected to hold:
// each chunk is allocated, filled and written whole, which for 64 KiB chunks was most of a short run's set-up.
hsize_t rows_per_chunk(hsize_t sample_bytes, hsize_t expected_rows) {
  constexpr hsize_t target_bytes = 64 * 1024;
  const hsize_t rows = std::max<hsize_t>(1, target_bytes / std::max<hsize_t>(1, sample_bytes));
  return expected_rows > 0 ? std::min(rows, expected_rows) : rows;
}

}  // namespace

ExtendibleDataset::ExtendibleDataset(Hdf5File& file, const std::string& path, const std::vector<hsize_t>& sample_shape,
                                     Kind kind, hsize_t expected_samples)
    : file_path_(file.path()),
      path_(path),
      sample_shape_(sample_shape),
      sample_values_(value_count(sample_shape)),
      kind_(kind) {
  const hid_t file_id = file.handle();
  const std::string what = quoted("dataset", path);
  if (sample_values_ == 0) {
    throw IoError(file_path_, "cannot create " + what + ": sample shape " + shape_text(sample_shape) + " has a zero dimension");
  }
  if (file.exists(path)) throw IoError(file_path_, "cannot create " + what + ": it already exists");

  const Hid type = kind == Kind::complex ? make_complex_type() : Hid(H5Tcopy(H5T_IEEE_F64LE));
  std::vector<hsize_t> dims{0};
  dims.insert(dims.end(), sample_shape.begin(), sample_shape.end());
  std::vector<hsize_t> max_dims = dims;
  max_dims[0] = H5S_UNLIMITED;
  std::vector<hsize_t> chunk = dims;
  chunk[0] = rows_per_chunk(sample_values_ * H5Tget_size(type.get()), expected_samples);

  const Hid space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), max_dims.data()));
  const Hid dcpl(H5Pcreate(H5P_DATASET_CREATE));
  H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data());
  const Hid lcpl = make_parents_lcpl();
  dataset_ = Hid(H5Dcreate2(file_id, path.c_str(), type.get(), space.get(), lcpl.get(), dcpl.get(), H5P_DEFAULT));
  if (!dataset_.valid()) {
    throw IoError(file_path_, "cannot create " + what + " (read-only file, or a parent is not a group?)");
  }
}

void ExtendibleDataset::require_kind(Kind wanted) const {
  if (kind_ != wanted) {
    throw IoError(file_path_, "cannot append to " + quoted("dataset", path_) + ": it holds " +
                                  (kind_ == Kind::complex ? "complex" : "real") + " samples");
  }
}

void ExtendibleDataset::require_values(std::size_t count) const {
  if (count != sample_values_) {
    throw IoError(file_path_, "cannot append to " + quoted("dataset", path_) + ": sample has " +
                                  std::to_string(count) + " values, shape " + shape_text(sample_shape_) + " needs " +
                                  std::to_string(sample_values_));
  }
}

void ExtendibleDataset::append_rows(hid_t memory_type, const void* rows, hsize_t count_rows) {
  const std::string what = quoted("dataset", path_);
  if (H5Iis_valid(dataset_.get()) <= 0) throw IoError(file_path_, "cannot append to " + what + ": file is closed");
  if (count_rows == 0) return;
  std::vector<hsize_t> dims{size_ + count_rows};
  dims.insert(dims.end(), sample_shape_.begin(), sample_shape_.end());
  if (H5Dset_extent(dataset_.get(), dims.data()) < 0) {
    throw IoError(file_path_, "cannot extend " + what + " (file opened read-only?)");
  }
  std::vector<hsize_t> start(dims.size(), 0);
  start[0] = size_;
  std::vector<hsize_t> count = dims;
  count[0] = count_rows;
  const Hid file_space(H5Dget_space(dataset_.get()));
  const Hid memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr));
  const bool written =
      H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr) >= 0 &&
      H5Dwrite(dataset_.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, rows) >= 0;
  if (!written) {
    dims[0] = size_;
    H5Dset_extent(dataset_.get(), dims.data());  // best effort: leave no row of fill values behind
    throw IoError(file_path_, "cannot write sample " + std::to_string(size_) + " of " + what + " (disk full?)");
  }
  size_ += count_rows;
}

void ExtendibleDataset::append(const double* sample) {
  append_rows(sample, 1);
}

void ExtendibleDataset::append_rows(const double* rows, hsize_t count) {
  require_kind(Kind::real);
  append_rows(H5T_NATIVE_DOUBLE, rows, count);
}

void ExtendibleDataset::append(const std::vector<double>& sample) {
  require_values(sample.size());
  append(sample.data());
}

void ExtendibleDataset::append(double value) {
  require_values(1);
  append(&value);
}

void ExtendibleDataset::append(const std::complex<double>* sample) { append_rows(sample, 1); }

void ExtendibleDataset::append_rows(const std::complex<double>* rows, hsize_t count) {
  require_kind(Kind::complex);
  const Hid type = make_complex_type();
  append_rows(type.get(), rows, count);
}

void ExtendibleDataset::append(const std::vector<std::complex<double>>& sample) {
  require_values(sample.size());
  append(sample.data());
}

}  // namespace nessie::io
