#include <nessie/errors.hpp>
#include <nessie/sweep/avoided_crossings.hpp>
#include <nessie/sweep/point_solvers.hpp>
#include <nessie/sweep/sweep.hpp>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

using namespace nessie;

namespace {
ModelSpec paper_spec() {
  ModelSpec spec;
  spec.fields = {{2, 2.0}, {3, 1.0}};
  spec.up = 2;
  spec.baths = {{1, 2.0, 0.01, 10.0}, {3, 1.0, 0.01, 10.0}};
  return spec;
}
}  // namespace

TEST_CASE("scan axes set the parameter they name", "[sweep]") {
  ModelSpec spec = paper_spec();
  apply_scan_value(spec, {ScanParameter::bias, 0, 0, 0, 1}, 1.0);
  CHECK(spec.baths[0].temperature == 2.0);  // mean 1.5 kept: T = 1.5 +- 0.5
  CHECK(spec.baths[1].temperature == 1.0);
  apply_scan_value(spec, {ScanParameter::mean, 0, 0, 0, 1}, 3.0);
  CHECK(spec.baths[0].temperature == 3.5);
  CHECK(spec.baths[1].temperature == 2.5);
  apply_scan_value(spec, {ScanParameter::temperature, 3, 0, 0, 1}, 0.7);
  CHECK(spec.baths[1].temperature == 0.7);
  apply_scan_value(spec, {ScanParameter::field, 4, 0, 0, 1}, -1.0);
  CHECK(spec.fields.at(4) == -1.0);
  apply_scan_value(spec, {ScanParameter::gamma, 0, 0, 0, 1}, 0.03);
  CHECK(spec.baths[0].gamma == 0.03);
  CHECK(spec.baths[1].gamma == 0.03);
  CHECK_THROWS_AS(apply_scan_value(spec, {ScanParameter::temperature, 2, 0, 0, 1}, 1.0), InputError);
  CHECK_THROWS_AS(apply_scan_value(spec, {ScanParameter::field, 9, 0, 0, 1}, 1.0), InputError);
  spec.baths.pop_back();
  CHECK_THROWS_AS(apply_scan_value(spec, {ScanParameter::bias, 0, 0, 0, 1}, 1.0), InputError);
}

TEST_CASE("the grid is row-major with the first axis slowest", "[sweep]") {
  const SweepGrid grid({{ScanParameter::delta, 0, 0.0, 1.0, 3}, {ScanParameter::hopping, 0, 1.0, 2.0, 2}});
  CHECK(grid.size() == 6);
  CHECK(grid.shape() == std::vector<std::size_t>{3, 2});
  CHECK(grid.point(0) == std::vector<double>{0.0, 1.0});
  CHECK(grid.point(1) == std::vector<double>{0.0, 2.0});
  CHECK(grid.point(5) == std::vector<double>{1.0, 2.0});
  const ModelSpec spec = grid.model(paper_spec(), 3);
  CHECK(spec.interaction == 0.5);
  CHECK(spec.hopping == 2.0);
}

TEST_CASE("a sweep gives the same numbers with 1 and 2 threads, equal to single solves", "[sweep]") {
  const SweepGrid grid({{ScanParameter::delta, 0, 1.5, 2.5, 9}});
  const InitialState mixed;
  auto sweep = [&](int threads) {
    std::vector<PointResult> results(grid.size());
    for_each_point(grid.size(), threads, [&](std::size_t p) {
      results[p] = solve_point_ness(*grid.model(paper_spec(), p).build(), mixed);
    });
    return results;
  };
  const auto one = sweep(1), two = sweep(2);
  for (std::size_t p = 0; p < grid.size(); ++p) {
    CHECK(one[p].observables.bath_heat_currents == two[p].observables.bath_heat_currents);  // bitwise
    CHECK(one[p].observables.spin_currents == two[p].observables.spin_currents);
    ModelSpec single = paper_spec();
    single.interaction = grid.point(p)[0];
    const PointResult alone = solve_point_ness(*single.build(), mixed);
    CHECK(alone.observables.ergotropy == one[p].observables.ergotropy);
  }
}

TEST_CASE("points that differ only in their baths share H: groups and shared closed systems", "[sweep]") {
  // bias (baths) x delta (H): one group per delta value, its points in grid order.
  const SweepGrid grid({{ScanParameter::bias, 0, 0.0, 1.0, 3}, {ScanParameter::delta, 0, 1.0, 2.5, 4}});
  const auto groups = grid.hamiltonian_groups();
  REQUIRE(groups.size() == 4);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    CHECK(groups[g] == std::vector<std::size_t>{g, g + 4, g + 8});
    for (std::size_t p : groups[g]) CHECK(grid.point(p)[1] == grid.point(groups[g][0])[1]);
  }
  // Only bath axes: one group; only H axes: one point per group.
  CHECK(SweepGrid({{ScanParameter::temperature, 1, 1.0, 2.0, 3}, {ScanParameter::gamma, 0, 0.01, 0.02, 2}})
            .hamiltonian_groups()
            .size() == 1);
  CHECK(SweepGrid({{ScanParameter::field, 2, 1.0, 2.0, 3}, {ScanParameter::hopping, 0, 0.5, 1.0, 2}})
            .hamiltonian_groups()
            .size() == 6);
  // An open system on a shared closed system gives the numbers of one built on its own (bitwise).
  const InitialState mixed;
  const auto closed =
      std::make_shared<const ClosedSystem>(std::make_shared<const RingTerms>(4, 2), grid.model(paper_spec(), 1).ring());
  for (std::size_t p : groups[1]) {
    const PointResult shared = solve_point_ness(*grid.model(paper_spec(), p).build(closed), mixed);
    const PointResult alone = solve_point_ness(*grid.model(paper_spec(), p).build(), mixed);
    CHECK(shared.observables.bath_heat_currents == alone.observables.bath_heat_currents);
    CHECK(shared.observables.ergotropy == alone.observables.ergotropy);
  }
  // The couplings it caches: sz of each site in the eigenbasis, against the dense product V^T sz V.
  const Eigen::MatrixXd& v = closed->eigenbasis().vectors();
  for (int site = 1; site <= 4; ++site) {
    const Eigen::MatrixXd sz = Eigen::MatrixXcd(closed->terms().sz(site)).real();
    CHECK((closed->sz_in_eigenbasis(site) - v.transpose() * sz * v).norm() < 1e-14);
  }
  CHECK_THROWS_AS(closed->sz_in_eigenbasis(5), std::logic_error);
  CHECK_THROWS_AS(grid.model(paper_spec(), 0).build(closed), std::logic_error);  // another delta
}

TEST_CASE("errors inside a sweep point reach the caller", "[sweep][errors]") {
  CHECK_THROWS_AS(for_each_point(10, 2, [](std::size_t p) {
                    if (p == 7) throw NumericalError("point 7");
                  }),
                  NumericalError);
}

TEST_CASE("avoided crossings: the minimum of a hyperbolic gap is located", "[sweep]") {
  // Two levels E = +-sqrt(a^2 + (x - x0)^2) have an avoided crossing at x0 with gap 2a.
  const double a = 0.05, x0 = 0.437;
  std::vector<double> values;
  std::vector<Eigen::VectorXd> energies;
  for (int i = 0; i <= 100; ++i) {
    const double x = i * 0.01;
    values.push_back(x);
    const double e = std::sqrt(a * a + (x - x0) * (x - x0));
    energies.push_back(Eigen::Vector3d(-e, e, 5.0));
  }
  const auto found = find_avoided_crossings(values, energies, std::vector<std::vector<int>>(101, {0, 0, 0}));
  REQUIRE(found.size() == 1);
  CHECK(found[0].lower_level == 1);
  CHECK(found[0].position == Approx(x0).margin(2e-3));
  CHECK(found[0].gap == Approx(2 * a).epsilon(0.02));
}

TEST_CASE("the paper's K = 2 spectrum has its avoided crossing of levels 2-3 next to Delta = 2.19", "[sweep][paper]") {
  std::vector<double> values;
  std::vector<Eigen::VectorXd> energies;
  std::vector<std::vector<int>> sectors;
  for (int i = 0; i <= 300; ++i) {
    ModelSpec spec = paper_spec();
    spec.interaction = 1.0 + 0.01 * i;
    const auto system = spec.build();
    values.push_back(spec.interaction);
    energies.push_back(system->eigenbasis().energies());
    sectors.emplace_back(6, 2);
  }
  const auto found = find_avoided_crossings(values, energies, sectors);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].lower_level == 2);
  CHECK(found[0].position > 2.15);
  CHECK(found[0].position < 2.35);
}
