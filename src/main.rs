//! The `kgex` command.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

/// mimalloc instead of the system allocator. A corpus graph keeps strings
/// and lists the workers allocated among the many they free after each
/// document; glibc's allocator then searched ever longer lists of free
/// blocks (`_int_malloc` was 3.5 % of a run on 10 MB of input and 10.7 % on
/// 100 MB), so time per MB grew with the input. mimalloc keeps free blocks
/// per page and size, which costs the same whatever the heap holds. The
/// library leaves the choice to the program that uses it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
