#include <nessie/redfield/open_system.hpp>

#include <nessie/errors.hpp>

#include <set>
#include <string>

namespace nessie {

namespace {

const std::vector<Bath>& checked_baths(const Ring& ring, const std::vector<Bath>& baths) {
  std::set<int> sites;
  for (const Bath& b : baths) {
    if (b.site() < 1 || b.site() > ring.sites())
      throw InputError("--bath", "site " + std::to_string(b.site()) + " is not on the ring of " +
                                     std::to_string(ring.sites()) + " sites");
    if (!sites.insert(b.site()).second)
      throw InputError("--bath", "two baths on site " + std::to_string(b.site()));
  }
  return baths;
}

// S_b = sz at the site of each bath (the baths are checked first).
std::vector<SparseOperator> coupling_operators(const RingTerms& terms, const Ring& ring,
                                               const std::vector<Bath>& baths) {
  std::vector<SparseOperator> ops;
  ops.reserve(baths.size());
  for (const Bath& b : checked_baths(ring, baths)) ops.push_back(terms.sz(b.site()));
  return ops;
}

std::vector<Eigen::MatrixXd> couplings_in_eigenbasis(const ClosedSystem& closed, const std::vector<Bath>& baths) {
  std::vector<Eigen::MatrixXd> couplings;
  couplings.reserve(baths.size());
  for (const Bath& b : baths) couplings.push_back(closed.sz_in_eigenbasis(b.site()));
  return couplings;
}

}  // namespace

OpenSystem::OpenSystem(const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths)
    : OpenSystem(std::make_shared<const RingTerms>(ring.sites(), up), ring, baths) {}

OpenSystem::OpenSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring, const std::vector<Bath>& baths)
    : OpenSystem(std::make_shared<const ClosedSystem>(std::move(terms), ring), baths) {}

OpenSystem::OpenSystem(std::shared_ptr<const ClosedSystem> closed, const std::vector<Bath>& baths)
    : closed_(std::move(closed)),
      generator_(closed_->eigenbasis(), baths, coupling_operators(closed_->terms(), closed_->ring(), baths),
                 &closed_->hamiltonian(), couplings_in_eigenbasis(*closed_, baths)),
      observables_(closed_->ring(), closed_->terms(), closed_->eigenbasis(), generator_, closed_->current_operators()) {
}

}  // namespace nessie
