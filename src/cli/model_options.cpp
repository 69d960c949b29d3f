#include "model_options.hpp"

#include <nessie/errors.hpp>
#include <nessie/util/number_text.hpp>

#include <cmath>
#include <sstream>

namespace po = boost::program_options;

namespace nessie::cli {

void add_model_options(po::options_description& description, ModelOptions& o) {
  description.add_options()
      ("sites", po::value(&o.sites)->default_value(o.sites), "number of spins N on the ring (>= 3)")
      ("J", po::value(&o.hopping)->default_value(o.hopping), "hopping J of sx sx + sy sy")
      ("delta", po::value(&o.interaction)->default_value(o.interaction), "interaction Delta of su su")
      ("field", po::value(&o.fields)->composing(),
       "local field SITE:H on sz (repeatable, 1-based; replaces the default h_2 = 2, h_3 = 1)")
      ("up", po::value(&o.up)->default_value(o.up), "sector: number K of up spins, or 'all' for the full space")
      ("bath", po::value(&o.baths)->composing(),
       "bath SITE:T or SITE:T:GAMMA:CUTOFF (repeatable; replaces the default baths 1:2 and 3:1)")
      ("gamma", po::value(&o.gamma)->default_value(o.gamma), "system-bath coupling gamma (shared by the baths)")
      ("cutoff", po::value(&o.cutoff)->default_value(o.cutoff), "cutoff frequency wc of J(w) = gamma w exp(-w/wc)");
}

double parse_number(const std::string& option, const std::string& text) {
  std::istringstream in(text);
  double value = 0;
  in >> value;
  if (in.fail() || !in.eof() || text.empty() || !std::isfinite(value))
    throw InputError(option, "'" + text + "' is not a finite number");
  return value;
}

int parse_integer(const std::string& option, const std::string& text) {
  std::istringstream in(text);
  long value = 0;
  in >> value;
  if (in.fail() || !in.eof() || text.empty() || value < -1000000 || value > 1000000)
    throw InputError(option, "'" + text + "' is not an integer");
  return static_cast<int>(value);
}

std::pair<int, std::vector<double>> parse_site_values(const std::string& option, const std::string& text,
                                                      std::size_t min_values, std::size_t max_values) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, ':')) parts.push_back(part);
  if (!text.empty() && text.back() == ':') parts.push_back("");
  const std::string form = max_values == 1 ? "SITE:VALUE" : "SITE:T or SITE:T:GAMMA:CUTOFF";
  if (parts.size() < 1 + min_values || parts.size() > 1 + max_values || (parts.size() == 3 && max_values == 3))
    throw InputError(option, "expected " + form + ", got '" + text + "'");
  std::pair<int, std::vector<double>> result;
  try {
    result.first = parse_integer(option, parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) result.second.push_back(parse_number(option, parts[i]));
  } catch (const InputError&) {
    throw InputError(option, "expected " + form + ", got '" + text + "'");
  }
  return result;
}

ModelSpec make_model_spec(const ModelOptions& o) {
  ModelSpec spec;
  spec.sites = o.sites;
  spec.hopping = o.hopping;
  spec.interaction = o.interaction;
  if (o.fields.empty()) {
    spec.fields = {{2, 2.0}, {3, 1.0}};  // the paper's setup
  } else {
    for (const std::string& f : o.fields) {
      const auto [site, values] = parse_site_values("--field", f, 1, 1);
      if (spec.fields.count(site)) throw InputError("--field", "site " + std::to_string(site) + " is given twice");
      spec.fields[site] = values[0];
    }
  }
  if (o.up != "all") {
    const int k = parse_integer("--up", o.up);
    if (k < 0 || k > o.sites)
      throw InputError("--up", "the number of up spins must lie in 0.." + std::to_string(o.sites) +
                                   " or be 'all', got " + o.up);
    spec.up = k;
  }
  if (!(o.gamma >= 0) || !std::isfinite(o.gamma))
    throw InputError("--gamma", "must be >= 0, got " + number_text(o.gamma));
  if (!(o.cutoff > 0) || !std::isfinite(o.cutoff))
    throw InputError("--cutoff", "must be > 0, got " + number_text(o.cutoff));
  if (o.baths.empty()) {
    spec.baths = {{1, 2.0, o.gamma, o.cutoff}, {3, 1.0, o.gamma, o.cutoff}};  // the paper's setup
  } else {
    for (const std::string& text : o.baths) {
      const auto [site, v] = parse_site_values("--bath", text, 1, 3);
      const double gamma = v.size() == 3 ? v[1] : o.gamma;
      const double cutoff = v.size() == 3 ? v[2] : o.cutoff;
      if (!(v[0] > 0)) throw InputError("--bath", "temperature must be > 0 in '" + text + "'");
      if (!(gamma >= 0)) throw InputError("--bath", "gamma must be >= 0 in '" + text + "'");
      if (!(cutoff > 0)) throw InputError("--bath", "cutoff must be > 0 in '" + text + "'");
      if (site < 1 || site > o.sites)
        throw InputError("--bath", "site " + std::to_string(site) + " is not on the ring of " +
                                       std::to_string(o.sites) + " sites");
      for (const BathSpec& other : spec.baths)
        if (other.site == site) throw InputError("--bath", "two baths on site " + std::to_string(site));
      spec.baths.push_back({site, v[0], gamma, cutoff});
    }
  }
  spec.ring();          // validates sites, couplings and fields
  spec.bath_objects();  // validates the baths
  return spec;
}

}  // namespace nessie::cli
