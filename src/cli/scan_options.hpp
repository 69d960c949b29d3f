#pragma once
// The --scan option of `nessie sweep` and `nessie spectrum`: NAME=START:STOP:COUNT.
#include <nessie/sweep/model_spec.hpp>
#include <nessie/sweep/scan_axis.hpp>

#include <string>
#include <vector>

namespace nessie::cli {

// Parses one --scan value. NAME: delta, J, gamma, cutoff, field:SITE, temp:SITE, bias, mean.
ScanAxis parse_scan(const std::string& text);
// Parses one or two --scan values and checks every grid point against `base` (sites on the ring, baths present,
// temperatures > 0, ...), so that bad input stops before any work.
std::vector<ScanAxis> parse_scans(const std::vector<std::string>& texts, const ModelSpec& base);

}  // namespace nessie::cli
