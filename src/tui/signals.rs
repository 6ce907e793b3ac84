//! The signals that end the console from outside (`kill`, a closed terminal, a service manager):
//! caught, so the event loop ends through the same terminal restore as `q`, and the process then
//! exits with the status a shell gives that signal.

/// A signal that ended the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caught {
    /// As `kill -l` spells it: `SIGTERM`.
    pub name: &'static str,
    number: u8,
}

impl Caught {
    /// 128 + the signal's number, as a shell reports a process the signal ended.
    pub fn exit_status(self) -> u8 {
        128 + self.number
    }
}

#[cfg(unix)]
pub use unix::Signals;

#[cfg(unix)]
mod unix {
    use std::io;

    use tokio::signal::unix::{Signal, SignalKind, signal};

    use super::Caught;

    /// SIGTERM, SIGHUP and SIGINT (Ctrl-C in raw mode is a key; this is `kill -INT`).
    pub struct Signals {
        term: (Caught, Signal),
        hup: (Caught, Signal),
        int: (Caught, Signal),
    }

    fn watch(name: &'static str, kind: SignalKind) -> io::Result<(Caught, Signal)> {
        let number = u8::try_from(kind.as_raw_value()).map_err(io::Error::other)?;
        Ok((Caught { name, number }, signal(kind)?))
    }

    impl Signals {
        /// Installed before the screen is taken, so no signal finds it taken and unguarded.
        pub fn install() -> io::Result<Self> {
            Ok(Self {
                term: watch("SIGTERM", SignalKind::terminate())?,
                hup: watch("SIGHUP", SignalKind::hangup())?,
                int: watch("SIGINT", SignalKind::interrupt())?,
            })
        }

        /// The next of them to arrive.
        pub async fn recv(&mut self) -> Caught {
            tokio::select! {
                Some(()) = self.term.1.recv() => self.term.0,
                Some(()) = self.hup.1.recv() => self.hup.0,
                Some(()) = self.int.1.recv() => self.int.0,
                // Every stream ended: the runtime is shutting down, nothing more arrives.
                else => std::future::pending().await,
            }
        }
    }
}

#[cfg(not(unix))]
pub use other::Signals;

#[cfg(not(unix))]
mod other {
    use super::Caught;

    /// Elsewhere the terminal's own close handling applies: nothing is caught.
    pub struct Signals;

    impl Signals {
        pub fn install() -> std::io::Result<Self> {
            Ok(Self)
        }

        pub async fn recv(&mut self) -> Caught {
            std::future::pending().await
        }
    }
}
