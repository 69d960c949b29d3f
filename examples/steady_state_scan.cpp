// Scan of the interaction Delta in the paper's K = 2 setup: the heat current from the hot bath j_L and the spin
// current j^S of the steady state (paper Figs. 2(b,d): j_L has its minimum and j^S changes sign near Delta = 2.19).
// Usage: example_steady_state_scan [DELTA_MIN DELTA_MAX STEPS]   (default 1.9 2.5 12)
#include <nessie/baths/bath.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  const double delta_min = argc > 3 ? std::atof(argv[1]) : 1.9;
  const double delta_max = argc > 3 ? std::atof(argv[2]) : 2.5;
  const int steps = argc > 3 ? std::atoi(argv[3]) : 12;
  // The paper's baths: site 1 at T_L = 2, site 3 at T_R = 1, gamma = 0.01, wc = 10.
  const std::vector<nessie::Bath> baths = {nessie::Bath(1, 2.0, 0.01, 10.0), nessie::Bath(3, 1.0, 0.01, 10.0)};

  std::printf("%8s %16s %16s %16s %16s\n", "Delta", "j_L", "j_S", "j_2", "j_4");
  for (int i = 0; i <= steps; ++i) {
    const double delta = delta_min + (delta_max - delta_min) * i / (steps > 0 ? steps : 1);
    // N = 4, J = 1, fields h_2 = 2 and h_3 = 1 on sz (paper Eq. 1); sector K = 2 (dimension 6).
    const nessie::Ring ring(4, 1.0, delta, {{2, 2.0}, {3, 1.0}});
    const nessie::OpenSystem system(ring, 2, baths);
    // In one sector the steady state is unique; its only weight is the whole trace.
    const nessie::SteadyState steady = nessie::solve_steady_state(system.eigenbasis(), system.generator(), {{2, 1.0}});
    const nessie::Observables o = system.observables().measure(steady.rho);
    std::printf("%8.3f %+16.9e %+16.9e %+16.9e %+16.9e\n", delta, o.bath_heat_currents[0], o.spin_currents[0],
                o.local_heat_currents[1], o.local_heat_currents[3]);
  }
  return 0;
}
