//! The `bitext` command: argument parsing only; the work is in the library.

mod cli;

// Reading a large collection frees and allocates millions of small, short
// strings next to the features it keeps; glibc's allocator slowed down with
// the size of that heap (a third of the CPU of pairing 100,000 articles a
// side), mimalloc does not.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
