#include <nessie/model/ring.hpp>

#include <nessie/errors.hpp>
#include <nessie/model/spin_basis.hpp>

#include <cmath>
#include <string>

namespace nessie {

Ring::Ring(int sites, double hopping, double interaction, const std::map<int, double>& fields)
    : sites_(sites), hopping_(hopping), interaction_(interaction), fields_(static_cast<std::size_t>(std::max(sites, 0)), 0.0) {
  if (sites < 3 || sites > SpinBasis::max_sites)
    throw InputError("--sites", "a ring needs 3 to " + std::to_string(SpinBasis::max_sites) + " sites, got " +
                                    std::to_string(sites));
  if (!std::isfinite(hopping)) throw InputError("--J", "must be a finite number");
  if (!std::isfinite(interaction)) throw InputError("--delta", "must be a finite number");
  for (const auto& [site, h] : fields) {
    if (site < 1 || site > sites)
      throw InputError("--field", "site " + std::to_string(site) + " is not on the ring of " + std::to_string(sites) +
                                      " sites");
    if (!std::isfinite(h)) throw InputError("--field", "the field on site " + std::to_string(site) + " is not finite");
    fields_[static_cast<std::size_t>(site - 1)] = h;
  }
}

}  // namespace nessie
