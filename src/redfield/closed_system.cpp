#include <nessie/redfield/closed_system.hpp>

#include <stdexcept>
#include <string>

namespace nessie {

namespace {

const RingTerms& checked_terms(const std::shared_ptr<const RingTerms>& terms, const Ring& ring) {
  if (!terms || terms->sites() != ring.sites())
    throw std::logic_error("ClosedSystem: the operators were built for another number of sites");
  return *terms;
}

}  // namespace

ClosedSystem::ClosedSystem(std::shared_ptr<const RingTerms> terms, const Ring& ring)
    : ring_(ring),
      terms_(std::move(terms)),
      hamiltonian_(checked_terms(terms_, ring_).hamiltonian(ring_)),
      eigenbasis_(hamiltonian_, basis()),
      sz_in_eigenbasis_(static_cast<std::size_t>(ring_.sites())),
      sz_built_(std::make_unique<std::once_flag[]>(static_cast<std::size_t>(ring_.sites()))) {}

const Eigen::MatrixXd& ClosedSystem::sz_in_eigenbasis(int site) const {
  if (site < 1 || site > ring_.sites()) throw std::logic_error("ClosedSystem: no site " + std::to_string(site));
  const std::size_t i = static_cast<std::size_t>(site - 1);
  std::call_once(sz_built_[i], [&] {
    sz_in_eigenbasis_[i] = eigenbasis_.diagonal_to_eigenbasis(terms().sz(site).diagonal().real());
  });
  return sz_in_eigenbasis_[i];
}

const CurrentOperators* ClosedSystem::current_operators() const {
  if (eigenbasis_.dimension() > CurrentOperators::max_dimension) return nullptr;
  std::call_once(current_operators_built_,
                 [&] { current_operators_ = std::make_unique<const CurrentOperators>(ring_, terms(), eigenbasis_); });
  return current_operators_.get();
}

}  // namespace nessie
