//! nginx as the server the contenders are measured against: a server that
//! is not ours, from `../../nginx.conf`, started and stopped by the bench.

use crate::contenders::{AUTH_ID, AUTH_TOKEN, NODE_ID, PHLO_ID};
use crate::hand::basic_auth;
use crate::server::ANSWER;
use std::io::Read;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The configuration, with `@NAMES@` to fill in.
const TEMPLATE: &str = include_str!("../../nginx.conf");

/// A running nginx, stopped when dropped.
pub struct Nginx {
    child: Child,
    dir: PathBuf,
    /// The URL the contenders call.
    pub base: String,
}

/// Starts nginx on a free loopback port, or says why it could not.
pub fn start() -> Result<Nginx, String> {
    let exe = find().ok_or("no nginx in PATH, /usr/sbin or /usr/local/sbin")?;
    let dir = std::env::temp_dir().join(format!("per_call-nginx.{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // A port the system hands out, free again once the listener is dropped.
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let config = TEMPLATE
        .replace("@DIR@", &dir.display().to_string())
        .replace("@PORT@", &port.to_string())
        .replace("@PHLO_ID@", PHLO_ID)
        .replace("@NODE_ID@", NODE_ID)
        .replace("@AUTHORIZATION@", &basic_auth(AUTH_ID, AUTH_TOKEN))
        .replace("@ANSWER@", ANSWER);
    std::fs::write(dir.join("nginx.conf"), config).map_err(|e| e.to_string())?;
    let child = Command::new(&exe)
        .arg("-p")
        .arg(&dir)
        .args(["-c", "nginx.conf", "-e", "stderr"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", exe.display()))?;
    let mut nginx = Nginx {
        child,
        dir,
        base: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Ok(nginx);
        }
        if let Ok(Some(status)) = nginx.child.try_wait() {
            let mut said = String::new();
            if let Some(mut err) = nginx.child.stderr.take() {
                let _ = err.read_to_string(&mut said);
            }
            return Err(format!("nginx exited ({status}): {}", said.trim()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err("nginx did not listen within 5 s".into())
}

/// nginx's path: Debian puts it in `/usr/sbin`, often not in a user's PATH.
fn find() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/usr/local/sbin".into()])
        .map(|dir| dir.join("nginx"))
        .find(|exe| is_executable(exe))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM, a fast shutdown: with `master_process off` the child is
        // all of nginx, so nothing is left running.
        let pid = libc::pid_t::try_from(self.child.id()).unwrap_or(0);
        // SAFETY: kill sends a signal to the process this bench started.
        if pid > 0 && unsafe { libc::kill(pid, libc::SIGTERM) } != 0 {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
