#pragma once
// Numbers in messages: six significant digits without trailing zeros (2000, -1, 1e-12, 0.03279), unlike
// std::to_string's six fixed decimals (2000.000000, 0.000000 for 1e-12).
#include <string>

namespace nessie {

std::string number_text(double x);

}  // namespace nessie
