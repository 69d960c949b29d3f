#include <nessie/errors.hpp>
#include <nessie/io/hdf5_file.hpp>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <complex>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nessie::IoError;
using nessie::io::ExtendibleDataset;
using nessie::io::Hdf5File;
using nessie::io::OpenMode;

namespace {

// A fresh folder under the system temp directory, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() / ("nessie_test_hdf5_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(stamp) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::vector<double> ramp(std::size_t count, double offset = 0.0) {
  std::vector<double> values(count);
  for (std::size_t k = 0; k < count; ++k) values[k] = offset + 0.5 * static_cast<double>(k) - 1.0 / 3.0;
  return values;
}

std::vector<std::complex<double>> complex_ramp(std::size_t count, double offset = 0.0) {
  std::vector<std::complex<double>> values(count);
  for (std::size_t k = 0; k < count; ++k) {
    values[k] = {offset + static_cast<double>(k) / 7.0, -0.25 * static_cast<double>(k) + 1e-300};
  }
  return values;
}

// The one-line message the brief asks for: names the file, names the object, no HDF5 stack dump.
void require_one_line_naming(const IoError& error, const std::string& file, const std::string& object) {
  const std::string message = error.what();
  INFO(message);
  REQUIRE(error.path() == file);
  REQUIRE(message.find(file) != std::string::npos);
  REQUIRE(message.find(object) != std::string::npos);
  REQUIRE(message.find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("Hdf5File round-trips attributes of every kind", "[io]") {
  TempDir dir;
  const std::string path = dir.file("attributes.h5");
  {
    Hdf5File file(path, OpenMode::create_new);
    file.create_group("params/bath");
    file.write_dataset("data/x", ramp(3), {3});
    for (const std::string object : {"", "/", "params/bath", "/data/x"}) {
      file.set_attribute(object, "gamma", 0.125 + 1e-12);
      file.set_attribute(object, "n_sites", 7LL);
      file.set_attribute(object, "label", std::string("ring \xce\xb3=0.1 (utf-8)"));
      file.set_attribute(object, "temperatures", std::vector<double>{1.0, 0.5, -2.5e-9});
      file.set_attribute(object, "sites", std::vector<long long>{0, -3, 1LL << 40});
      file.set_attribute(object, "empty", std::vector<double>{});
    }
    file.set_attribute("params", "count", 3);  // a plain int goes through the integer overload
  }
  Hdf5File file(path, OpenMode::read_only);
  for (const std::string object : {"/", "params/bath", "data/x"}) {
    INFO(object);
    REQUIRE(file.read_double_attribute(object, "gamma") == 0.125 + 1e-12);
    REQUIRE(file.read_integer_attribute(object, "n_sites") == 7);
    REQUIRE(file.read_double_attribute(object, "n_sites") == 7.0);  // integers widen to double
    REQUIRE(file.read_string_attribute(object, "label") == "ring \xce\xb3=0.1 (utf-8)");
    REQUIRE(file.read_double_vector_attribute(object, "temperatures") == std::vector<double>{1.0, 0.5, -2.5e-9});
    REQUIRE(file.read_integer_vector_attribute(object, "sites") == std::vector<long long>{0, -3, 1LL << 40});
    REQUIRE(file.read_double_vector_attribute(object, "empty").empty());
    REQUIRE(file.has_attribute(object, "gamma"));
    REQUIRE_FALSE(file.has_attribute(object, "absent"));
  }
  REQUIRE(file.read_integer_attribute("params", "count") == 3);
}

TEST_CASE("Hdf5File replaces an attribute even when its type changes", "[io]") {
  TempDir dir;
  Hdf5File file(dir.file("replace.h5"), OpenMode::overwrite);
  file.set_attribute("/", "value", 1.5);
  file.set_attribute("/", "value", std::string("now a string"));
  REQUIRE(file.read_string_attribute("/", "value") == "now a string");
  file.set_attribute("/", "value", std::vector<double>{1, 2, 3, 4});
  REQUIRE(file.read_double_vector_attribute("/", "value").size() == 4);
}

TEST_CASE("Hdf5File round-trips real datasets of rank 0 to 3", "[io]") {
  TempDir dir;
  const std::string path = dir.file("real.h5");
  const std::vector<std::vector<hsize_t>> shapes{{}, {5}, {2, 3}, {2, 3, 4}, {0}};
  {
    Hdf5File file(path, OpenMode::create_new);
    for (std::size_t k = 0; k < shapes.size(); ++k) {
      std::size_t count = 1;
      for (const hsize_t n : shapes[k]) count *= n;
      file.write_dataset("real/rank" + std::to_string(k), ramp(count, static_cast<double>(k)), shapes[k]);
    }
    file.write_dataset("ints", std::vector<long long>{1, -2, 3, 1LL << 62, 5, 6}, {3, 2});
  }
  Hdf5File file(path, OpenMode::read_only);
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const std::string name = "real/rank" + std::to_string(k);
    INFO(name);
    std::vector<hsize_t> shape{99};
    const std::vector<double> values = file.read_dataset(name, &shape);
    REQUIRE(shape == shapes[k]);
    REQUIRE(file.dataset_shape(name) == shapes[k]);
    REQUIRE(values == ramp(values.size(), static_cast<double>(k)));  // bit-exact
    REQUIRE_FALSE(file.is_complex_dataset(name));
  }
  std::vector<hsize_t> shape;
  REQUIRE(file.read_integer_dataset("ints", &shape) == std::vector<long long>{1, -2, 3, 1LL << 62, 5, 6});
  REQUIRE(shape == std::vector<hsize_t>{3, 2});
  REQUIRE(file.read_dataset("ints")[1] == -2.0);
}

TEST_CASE("Hdf5File round-trips complex datasets of rank 1 to 3", "[io]") {
  TempDir dir;
  const std::string path = dir.file("complex.h5");
  const std::vector<std::vector<hsize_t>> shapes{{4}, {3, 2}, {2, 2, 3}};
  {
    Hdf5File file(path, OpenMode::create_new);
    for (std::size_t k = 0; k < shapes.size(); ++k) {
      std::size_t count = 1;
      for (const hsize_t n : shapes[k]) count *= n;
      file.write_complex_dataset("c" + std::to_string(k), complex_ramp(count, static_cast<double>(k)), shapes[k]);
    }
  }
  Hdf5File file(path, OpenMode::read_only);
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const std::string name = "c" + std::to_string(k);
    INFO(name);
    REQUIRE(file.is_complex_dataset(name));
    std::vector<hsize_t> shape;
    const auto values = file.read_complex_dataset(name, &shape);
    REQUIRE(shape == shapes[k]);
    REQUIRE(values == complex_ramp(values.size(), static_cast<double>(k)));
  }
}

TEST_CASE("Hdf5File replaces an existing dataset", "[io]") {
  TempDir dir;
  Hdf5File file(dir.file("replace.h5"), OpenMode::create_new);
  file.write_dataset("x", ramp(6), {2, 3});
  file.write_complex_dataset("x", complex_ramp(2), {2});
  REQUIRE(file.is_complex_dataset("x"));
  REQUIRE(file.dataset_shape("x") == std::vector<hsize_t>{2});
}

TEST_CASE("Hdf5File groups: exists, create_group and list_group", "[io]") {
  TempDir dir;
  Hdf5File file(dir.file("groups.h5"), OpenMode::create_new);
  REQUIRE(file.exists("/"));
  REQUIRE(file.exists(""));
  REQUIRE_FALSE(file.exists("a"));
  REQUIRE_FALSE(file.exists("a/b/c"));  // missing intermediate: false, not an error
  file.create_group("a/b/c");
  file.create_group("a/b/c");  // already there: fine
  REQUIRE(file.exists("a/b/c"));
  REQUIRE(file.exists("/a/b"));
  file.write_dataset("a/z", ramp(2), {2});
  file.write_dataset("a/b/d/deep", ramp(1), {1});
  REQUIRE(file.exists("a/b/d/deep"));
  REQUIRE_FALSE(file.exists("a/z/below_a_dataset"));
  REQUIRE(file.list_group("a") == std::vector<std::string>{"b", "z"});
  REQUIRE(file.list_group("/") == std::vector<std::string>{"a"});
  REQUIRE(file.list_group("a/b/c").empty());
  REQUIRE_THROWS_AS(file.create_group("a/z"), IoError);  // a dataset is not a group
  REQUIRE_THROWS_AS(file.list_group("a/z"), IoError);
}

TEST_CASE("ExtendibleDataset writes a real scalar series", "[io]") {
  TempDir dir;
  const std::string path = dir.file("series.h5");
  const std::vector<double> times = ramp(10000);  // spans several chunks
  {
    Hdf5File file(path, OpenMode::create_new);
    ExtendibleDataset series(file, "run/time", {}, ExtendibleDataset::Kind::real);
    REQUIRE(series.size() == 0);
    REQUIRE(series.path() == "run/time");
    for (const double t : times) series.append(t);
    REQUIRE(series.size() == times.size());
  }
  Hdf5File file(path, OpenMode::read_only);
  std::vector<hsize_t> shape;
  REQUIRE(file.read_dataset("run/time", &shape) == times);
  REQUIRE(shape == std::vector<hsize_t>{times.size()});
}

TEST_CASE("ExtendibleDataset writes a complex matrix series", "[io]") {
  TempDir dir;
  const std::string path = dir.file("rho.h5");
  const std::size_t samples = 7;
  std::vector<std::complex<double>> all;
  {
    Hdf5File file(path, OpenMode::create_new);
    ExtendibleDataset rho(file, "rho", {3, 3}, ExtendibleDataset::Kind::complex);
    for (std::size_t s = 0; s < samples; ++s) {
      const auto sample = complex_ramp(9, static_cast<double>(s));
      if (s % 2) {
        rho.append(sample);
      } else {
        rho.append(sample.data());
      }
      all.insert(all.end(), sample.begin(), sample.end());
    }
    file.flush();
    REQUIRE(rho.size() == samples);
  }
  Hdf5File file(path, OpenMode::read_only);
  REQUIRE(file.is_complex_dataset("rho"));
  std::vector<hsize_t> shape;
  REQUIRE(file.read_complex_dataset("rho", &shape) == all);
  REQUIRE(shape == std::vector<hsize_t>{samples, 3, 3});
}

TEST_CASE("ExtendibleDataset refuses samples of the wrong size or kind", "[io]") {
  TempDir dir;
  const std::string path = dir.file("wrong.h5");
  Hdf5File file(path, OpenMode::create_new);
  ExtendibleDataset real(file, "real", {2}, ExtendibleDataset::Kind::real);
  REQUIRE_THROWS_AS(real.append(std::vector<double>{1, 2, 3}), IoError);
  REQUIRE_THROWS_AS(real.append(1.0), IoError);  // not a scalar series
  const std::complex<double> z[2] = {1.0, 2.0};
  REQUIRE_THROWS_AS(real.append(z), IoError);
  REQUIRE(real.size() == 0);
  REQUIRE(file.dataset_shape("real") == std::vector<hsize_t>{0, 2});
  REQUIRE_THROWS_AS(ExtendibleDataset(file, "real", {2}, ExtendibleDataset::Kind::real), IoError);  // exists
  REQUIRE_THROWS_AS(ExtendibleDataset(file, "zero", {0, 2}, ExtendibleDataset::Kind::real), IoError);
  file.close();
  try {
    real.append(std::vector<double>{1, 2});
    FAIL("append after close must throw");
  } catch (const IoError& error) {
    require_one_line_naming(error, path, "real");
  }
}

TEST_CASE("Hdf5File reports failures as one-line IoErrors", "[io]") {
  TempDir dir;
  const std::string path = dir.file("errors.h5");
  { Hdf5File file(path, OpenMode::create_new); }

  SECTION("create_new refuses an existing file") {
    try {
      Hdf5File file(path, OpenMode::create_new);
      FAIL("create_new must refuse an existing file");
    } catch (const IoError& error) {
      require_one_line_naming(error, path, "exists");
    }
  }
  SECTION("read_only on a missing file") {
    const std::string missing = dir.file("missing.h5");
    try {
      Hdf5File file(missing, OpenMode::read_only);
      FAIL("opening a missing file must throw");
    } catch (const IoError& error) {
      require_one_line_naming(error, missing, "no such file");
    }
    REQUIRE_THROWS_AS(Hdf5File(missing, OpenMode::read_write), IoError);
    REQUIRE_FALSE(fs::exists(missing));
  }
  SECTION("creating in a folder that does not exist") {
    for (const OpenMode mode : {OpenMode::create_new, OpenMode::overwrite}) {
      const std::string nowhere = dir.file("no/such/folder/out.h5");
      try {
        Hdf5File file(nowhere, mode);
        FAIL("creating in a missing folder must throw");
      } catch (const IoError& error) {
        require_one_line_naming(error, nowhere, "does not exist");
      }
    }
  }
  SECTION("a file that is not HDF5") {
    const std::string text = dir.file("text.h5");
    std::ofstream(text) << "not hdf5\n";
    try {
      Hdf5File file(text, OpenMode::read_only);
      FAIL("opening a text file must throw");
    } catch (const IoError& error) {
      require_one_line_naming(error, text, "not an HDF5 file");
    }
  }
  SECTION("missing objects and wrong types") {
    {
      Hdf5File file(path, OpenMode::read_write);
      file.write_complex_dataset("z", complex_ramp(2), {2});
      file.write_dataset("x", ramp(2), {2});
      file.set_attribute("x", "label", std::string("text"));
      file.set_attribute("x", "pair", std::vector<double>{1, 2});
      file.set_attribute("x", "real", 2.5);
    }
    Hdf5File file(path, OpenMode::read_only);
    try {
      file.read_dataset("group/missing");
      FAIL("reading a missing dataset must throw");
    } catch (const IoError& error) {
      require_one_line_naming(error, path, "group/missing");
    }
    REQUIRE_THROWS_AS(file.read_complex_dataset("missing"), IoError);
    REQUIRE_THROWS_AS(file.dataset_shape("missing"), IoError);
    REQUIRE_THROWS_AS(file.is_complex_dataset("missing"), IoError);
    REQUIRE_THROWS_AS(file.read_dataset("/"), IoError);                // a group, not a dataset
    REQUIRE_THROWS_AS(file.read_dataset("z"), IoError);                // complex read as real
    REQUIRE_THROWS_AS(file.read_complex_dataset("x"), IoError);        // real read as complex
    REQUIRE_THROWS_AS(file.read_integer_dataset("x"), IoError);        // floats are not integers
    REQUIRE_THROWS_AS(file.read_double_attribute("x", "label"), IoError);
    REQUIRE_THROWS_AS(file.read_integer_attribute("x", "real"), IoError);
    REQUIRE_THROWS_AS(file.read_string_attribute("x", "real"), IoError);
    REQUIRE_THROWS_AS(file.read_double_attribute("x", "pair"), IoError);  // two values, not one
    REQUIRE_THROWS_AS(file.set_attribute("x", "more", 1.0), IoError);   // read-only file
    REQUIRE_THROWS_AS(file.write_dataset("y", ramp(2), {2}), IoError);
    REQUIRE_THROWS_AS(ExtendibleDataset(file, "s", {}, ExtendibleDataset::Kind::real), IoError);
    try {
      file.read_double_attribute("x", "absent");
      FAIL("reading a missing attribute must throw");
    } catch (const IoError& error) {
      require_one_line_naming(error, path, "absent");
    }
    REQUIRE_THROWS_AS(file.read_double_attribute("nowhere", "absent"), IoError);
  }
  SECTION("data that does not fill the shape") {
    Hdf5File file(path, OpenMode::read_write);
    try {
      file.write_dataset("x", ramp(5), {2, 3});
      FAIL("a shape mismatch must throw");
    } catch (const IoError& error) {
      require_one_line_naming(error, path, "2x3");
    }
    REQUIRE_FALSE(file.exists("x"));
  }
  SECTION("use after close") {
    Hdf5File file(path, OpenMode::read_write);
    file.close();
    file.close();  // idempotent
    REQUIRE_FALSE(file.is_open());
    REQUIRE_THROWS_AS(file.exists("x"), IoError);
    REQUIRE_THROWS_AS(file.flush(), IoError);
    REQUIRE_THROWS_AS(file.handle(), IoError);
  }
}

TEST_CASE("HDF5 failures print nothing to stderr", "[io]") {
  TempDir dir;
  const std::string path = dir.file("quiet.h5");
  const std::string captured = dir.file("stderr.txt");
  { Hdf5File file(path, OpenMode::create_new); }

  // Point file descriptor 2 at a file while failing, so HDF5's error stack printing would be caught there.
  const int saved = ::dup(STDERR_FILENO);
  const int sink = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(saved >= 0);
  REQUIRE(sink >= 0);
  ::dup2(sink, STDERR_FILENO);
  int failures = 0;
  auto expect_failure = [&failures](auto&& action) {
    try {
      action();
    } catch (const IoError&) {
      ++failures;
    }
  };
  expect_failure([&] { Hdf5File(dir.file("missing.h5"), OpenMode::read_only); });
  expect_failure([&] { Hdf5File(dir.file("no/folder.h5"), OpenMode::overwrite); });
  expect_failure([&] { Hdf5File(path, OpenMode::read_only).read_dataset("missing"); });
  expect_failure([&] { Hdf5File(path, OpenMode::read_only).set_attribute("/", "a", 1.0); });
  std::fflush(stderr);
  ::dup2(saved, STDERR_FILENO);
  ::close(sink);
  ::close(saved);

  REQUIRE(failures == 4);
  REQUIRE(fs::file_size(captured) == 0);
}

TEST_CASE("Flushed ExtendibleDataset samples survive a writer killed with SIGKILL", "[io]") {
  TempDir dir;
  const std::string path = dir.file("killed.h5");
  const std::vector<double> first_row{1.0, -2.0, 1.0 / 3.0};

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The writer: must never return into Catch2, whatever happens.
    try {
      Hdf5File file(path, OpenMode::create_new);
      ExtendibleDataset time(file, "time", {}, ExtendibleDataset::Kind::real);
      ExtendibleDataset currents(file, "currents", {3}, ExtendibleDataset::Kind::real);
      for (std::size_t s = 0; s < 5; ++s) {
        time.append(0.1 * static_cast<double>(s));
        std::vector<double> row = first_row;
        for (double& value : row) value += static_cast<double>(s);
        currents.append(row);
      }
      file.flush();
      std::raise(SIGKILL);
    } catch (...) {
    }
    ::_exit(1);
  }

  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);

  Hdf5File file(path, OpenMode::read_only);
  std::vector<hsize_t> shape;
  const std::vector<double> time = file.read_dataset("time", &shape);
  REQUIRE(shape == std::vector<hsize_t>{5});
  for (std::size_t s = 0; s < 5; ++s) REQUIRE(time[s] == 0.1 * static_cast<double>(s));
  const std::vector<double> currents = file.read_dataset("currents", &shape);
  REQUIRE(shape == std::vector<hsize_t>{5, 3});
  for (std::size_t s = 0; s < 5; ++s) {
    for (std::size_t k = 0; k < 3; ++k) REQUIRE(currents[3 * s + k] == first_row[k] + static_cast<double>(s));
  }
}
