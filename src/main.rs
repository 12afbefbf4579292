//! The `kgex` command.

mod cli;

fn main() -> std::process::ExitCode {
    without_huge_pages();
    cli::main()
}

/// Transparent huge pages off for this process. The allocator hands the
/// pages that documents freed back to the system and takes fresh ones for
/// the next; with huge pages each fresh one was zeroed 2 MiB at a time (10 %
/// of a run on real news, in the kernel, and varying from run to run), and
/// partly used huge pages held memory no graph needed. Without them, 3.89 MB
/// of real news with one job took 3 % more user time (more misses in the
/// address translation cache) but 0.25 s less system time, 9 % less in all,
/// and peaked at 122 MiB instead of 144; 104.9 MB of generated news at
/// 459 MiB instead of 503.
#[cfg(target_os = "linux")]
fn without_huge_pages() {
    // SAFETY: this prctl takes integers, touches no memory of ours and only
    // sets a flag of the process; a kernel without it returns an error,
    // which leaves huge pages as they were.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            1 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn without_huge_pages() {}

/// mimalloc instead of the system allocator. A corpus graph keeps strings
/// and lists the workers allocated among the many they free after each
/// document; glibc's allocator then searched ever longer lists of free
/// blocks (`_int_malloc` was 3.5 % of a run on 10 MB of input and 10.7 % on
/// 100 MB), so time per MB grew with the input. mimalloc keeps free blocks
/// per page and size, which costs the same whatever the heap holds. The
/// library leaves the choice to the program that uses it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
