//! The progress bar of long runs: bytes of input done out of the total,
//! MB and documents per second and the time left, drawn on stderr only when
//! it is a terminal and the run has taken more than a few seconds.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(2);

/// A bar over input bytes that stays hidden for short or piped runs.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: bool,
    documents: u64,
}

impl Progress {
    /// A hidden bar for `total` bytes.
    pub fn new(total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}")
            .expect("the template is valid");
        bar.set_style(style);
        Self { bar, started: Instant::now(), terminal: std::io::stderr().is_terminal(), shown: false, documents: 0 }
    }

    /// Counts `bytes` and `documents` more as done, showing the bar once the
    /// run is long.
    pub fn advance(&mut self, bytes: u64, documents: u64) {
        self.bar.inc(bytes);
        self.documents += documents;
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!("{} docs, {:.0} docs/s", self.documents, self.documents as f64 / seconds));
        if self.terminal && !self.shown && self.started.elapsed() > SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
