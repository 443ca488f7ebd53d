//! The integration tests: one binary, one module per area.

mod align;
mod audit;
mod foundation;
mod fuzz;
mod lint;
mod pair;
mod pipeline;
mod robust;
mod stream;
mod util;
