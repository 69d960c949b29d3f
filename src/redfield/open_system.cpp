#include <nessie/redfield/open_system.hpp>

#include <nessie/errors.hpp>

#include <string>

namespace nessie {

namespace {

const std::vector<Bath>& checked_baths(const Ring& ring, const std::vector<Bath>& baths) {
  for (auto b = baths.begin(); b != baths.end(); ++b) {
    if (b->site() < 1 || b->site() > ring.sites())
      throw InputError("--bath", "site " + std::to_string(b->site()) + " is not on the ring of " +
                                     std::to_string(ring.sites()) + " sites");
    for (auto earlier = baths.begin(); earlier != b; ++earlier)
      if (earlier->site() == b->site()) throw InputError("--bath", "two baths on site " + std::to_string(b->site()));
  }
  return baths;
}

}  // namespace

OpenSystem::OpenSystem(const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths)
    : OpenSystem(std::make_shared<const RingTerms>(ring.sites(), up), ring, baths) {}

OpenSystem::OpenSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring, const std::vector<Bath>& baths)
    : OpenSystem(std::make_shared<const ClosedSystem>(std::move(terms), ring), baths) {}

OpenSystem::OpenSystem(std::shared_ptr<const ClosedSystem> closed, const std::vector<Bath>& baths)
    : closed_(std::move(closed)),
      generator_(*closed_, checked_baths(closed_->ring(), baths)),
      observables_(closed_->ring(), closed_->terms(), closed_->eigenbasis(), generator_, closed_->current_operators()) {
}

}  // namespace nessie
