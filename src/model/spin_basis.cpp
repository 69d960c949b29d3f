#include <nessie/model/spin_basis.hpp>

#include <nessie/errors.hpp>

#include <bitset>
#include <string>

namespace nessie {

namespace {
int popcount(BasisState s) { return static_cast<int>(std::bitset<32>(s).count()); }
}  // namespace

SpinBasis::SpinBasis(int sites, std::optional<int> up) : sites_(sites), up_(up) {
  if (sites < 3 || sites > max_sites)
    throw InputError("--sites", "a ring needs 3 to " + std::to_string(max_sites) + " sites, got " + std::to_string(sites));
  if (up && (*up < 0 || *up > sites))
    throw InputError("--up", "the number of up spins must lie in 0.." + std::to_string(sites) + ", got " +
                                 std::to_string(*up));
  const BasisState count = BasisState{1} << sites;
  index_of_state_.assign(count, -1);
  const int k_begin = up ? *up : 0;
  const int k_end = up ? *up : sites;
  for (int k = k_begin; k <= k_end; ++k)
    for (BasisState s = 0; s < count; ++s)
      if (popcount(s) == k) {
        index_of_state_[s] = static_cast<int>(states_.size());
        states_.push_back(s);
      }
}

int SpinBasis::index_of(BasisState state) const {
  if (state >= index_of_state_.size()) return -1;
  return index_of_state_[state];
}

int SpinBasis::up_count(int index) const { return popcount(state(index)); }

std::vector<int> SpinBasis::sectors() const {
  if (up_) return {*up_};
  std::vector<int> all;
  for (int k = 0; k <= sites_; ++k) all.push_back(k);
  return all;
}

double binomial(int n, int k) {
  if (k < 0 || k > n) return 0.0;
  double c = 1.0;
  for (int i = 1; i <= k; ++i) c = c * (n - k + i) / i;
  return c;
}

}  // namespace nessie
