#include "scan_options.hpp"

#include "model_options.hpp"

#include <nessie/errors.hpp>
#include <nessie/sweep/sweep.hpp>
#include <nessie/util/number_text.hpp>

#include <set>

namespace nessie::cli {

ScanAxis parse_scan(const std::string& text) {
  const std::string form = "expected NAME=START:STOP:COUNT, got '" + text + "'";
  const auto equals = text.find('=');
  if (equals == std::string::npos) throw InputError("--scan", form);
  const std::string name = text.substr(0, equals);
  const std::string range = text.substr(equals + 1);
  ScanAxis axis;
  if (name == "delta") axis.parameter = ScanParameter::delta;
  else if (name == "J") axis.parameter = ScanParameter::hopping;
  else if (name == "gamma") axis.parameter = ScanParameter::gamma;
  else if (name == "cutoff") axis.parameter = ScanParameter::cutoff;
  else if (name == "bias") axis.parameter = ScanParameter::bias;
  else if (name == "mean") axis.parameter = ScanParameter::mean;
  else if (name.rfind("field:", 0) == 0 || name.rfind("temp:", 0) == 0) {
    const bool field = name[0] == 'f';
    axis.parameter = field ? ScanParameter::field : ScanParameter::temperature;
    axis.site = parse_integer("--scan", name.substr(field ? 6 : 5));
  } else {
    throw InputError("--scan", "unknown parameter '" + name +
                                   "' (delta, J, gamma, cutoff, field:SITE, temp:SITE, bias, mean)");
  }
  std::vector<std::string> parts;
  std::string::size_type begin = 0;
  for (;;) {
    const auto colon = range.find(':', begin);
    parts.push_back(range.substr(begin, colon - begin));
    if (colon == std::string::npos) break;
    begin = colon + 1;
  }
  if (parts.size() != 3) throw InputError("--scan", form);
  try {
    axis.start = parse_number("--scan", parts[0]);
    axis.stop = parse_number("--scan", parts[1]);
    axis.count = parse_integer("--scan", parts[2]);
  } catch (const InputError&) {
    throw InputError("--scan", form);
  }
  if (axis.count < 1) throw InputError("--scan", "COUNT must be >= 1 in '" + text + "'");
  return axis;
}

std::vector<ScanAxis> parse_scans(const std::vector<std::string>& texts, const ModelSpec& base) {
  if (texts.empty()) throw InputError("--scan", "give one or two scans NAME=START:STOP:COUNT");
  if (texts.size() > 2) throw InputError("--scan", "at most two scans (a 2-D grid)");
  std::vector<ScanAxis> axes;
  std::set<std::string> names;
  for (const std::string& t : texts) {
    axes.push_back(parse_scan(t));
    if (!names.insert(axes.back().name()).second) throw InputError("--scan", axes.back().name() + " is scanned twice");
  }
  const SweepGrid grid(axes);
  if (grid.size() > 100000000) throw InputError("--scan", "more than 1e8 grid points");
  for (std::size_t p = 0; p < grid.size(); ++p) {  // cheap: validates numbers, builds no operators
    try {
      const ModelSpec spec = grid.model(base, p);
      spec.ring();
      spec.bath_objects();
    } catch (const InputError& e) {
      std::string at;
      const std::vector<double> values = grid.point(p);
      for (std::size_t a = 0; a < axes.size(); ++a)
        at += (a ? ", " : "") + axes[a].name() + " = " + number_text(values[a]);
      throw InputError("--scan", (e.option() == "--scan" ? e.problem() : std::string(e.what())) + " (at " + at + ")");
    }
  }
  return axes;
}

}  // namespace nessie::cli
