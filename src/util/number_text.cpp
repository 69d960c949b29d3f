#include <nessie/util/number_text.hpp>

#include <sstream>

namespace nessie {

std::string number_text(double x) {
  std::ostringstream out;
  out << x;  // default stream format: %g with 6 significant digits
  return out.str();
}

}  // namespace nessie
