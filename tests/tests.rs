//! The integration tests: one binary, one module per area.

mod foundation;
mod fuzz;
mod pair;
mod util;
