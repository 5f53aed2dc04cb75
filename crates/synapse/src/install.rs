//! Installs Synapse (or another Python package a bench runs beside it, such as maubot) into a virtualenv
//! cached under the target directory, once per machine and version.
//!
//! Two test processes may start at once (a test run and a bench, say): an exclusive file lock serialises
//! the install, and a marker written only after `synapse` imports tells a finished venv from one that was
//! interrupted halfway. This module only installs; it never starts a server.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use watchdog::last_lines;

/// The version the tests are written against: bumping it installs a new venv beside the old one.
pub const SYNAPSE_VERSION: &str = "1.163.2";

/// Where cached venvs and the lock live: `target/`, so `cargo clean` removes them and a fresh checkout
/// (CI) installs once.
fn cache_root() -> PathBuf {
    target_dir()
}

/// The cargo target directory of the running test or bench binary: `CARGO_TARGET_DIR` when set, else the
/// `target` directory above the binary (`target/<profile>/deps/<binary>`).
pub fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    let exe = std::env::current_exe().expect("the path of the running binary");
    exe.ancestors()
        .find(|p| p.file_name().is_some_and(|n| n == "target"))
        .map(Path::to_path_buf)
        .or_else(|| exe.ancestors().nth(3).map(Path::to_path_buf))
        .expect("a target directory above the binary")
}

/// Scratch space under the target directory (`target/tmp`), created on first use.
pub fn scratch_dir() -> PathBuf {
    let dir = target_dir().join("tmp");
    std::fs::create_dir_all(&dir).expect("target/tmp can be created");
    dir
}

/// A Python package installed from PyPI into a venv of its own under the target directory.
pub struct Package {
    /// What the messages call it ("Synapse").
    pub name: &'static str,
    /// The venv's directory name and lock's stem (`synapse-venv`), the version appended to the venv's.
    pub venv: &'static str,
    /// The distribution pip installs (`matrix-synapse`), pinned to `version`.
    pub pip: &'static str,
    pub version: &'static str,
    /// Python that imports what will be run, to tell a finished install from a broken one.
    pub import_check: &'static str,
}

/// Synapse, for the homeserver the tests and benches start.
pub const SYNAPSE: Package = Package {
    name: "Synapse",
    venv: "synapse-venv",
    pip: "matrix-synapse",
    version: SYNAPSE_VERSION,
    import_check: "import synapse.app.homeserver",
};

/// The venv's python, installing Synapse first if no finished venv is cached. Panics, saying what is
/// missing, when it cannot install.
pub fn venv_python() -> PathBuf {
    python_of(&SYNAPSE)
}

/// The python of `package`'s venv, installing it first if no finished venv is cached. Panics, saying what
/// is missing, when it cannot install.
pub fn python_of(package: &Package) -> PathBuf {
    let root = cache_root();
    let venv = root.join(format!("{}-{}", package.venv, package.version));
    let python = venv.join("bin/python");
    let marker = venv.join(".installed");
    if marker.exists() {
        return python;
    }
    fs::create_dir_all(&root).unwrap_or_else(|e| panic!("cannot create {}: {e}", root.display()));
    let lock_path = root.join(format!("{}.lock", package.venv));
    let lock =
        fs::File::create(&lock_path).unwrap_or_else(|e| panic!("cannot create {}: {e}", lock_path.display()));
    // Blocks while another process installs; that process's marker then tells us we are done.
    lock.lock()
        .unwrap_or_else(|e| panic!("cannot lock {}: {e}", lock_path.display()));
    if marker.exists() {
        return python;
    }
    install(package, &venv);
    fs::write(&marker, package.version).expect("write the venv marker");
    // The lock is released when `lock` drops.
    python
}

fn install(package: &Package, venv: &Path) {
    let started = std::time::Instant::now();
    let Package {
        name, import_check, ..
    } = package;
    let pip_spec = format!("{}=={}", package.pip, package.version);
    eprintln!("installing {pip_spec} into {} (once)", venv.display());
    // Whatever is there was left by an interrupted install: no marker was written.
    if venv.exists() {
        fs::remove_dir_all(venv).unwrap_or_else(|e| panic!("cannot remove {}: {e}", venv.display()));
    }
    let created = Command::new("python3")
        .args(["-m", "venv"])
        .arg(venv)
        .stdin(Stdio::null())
        .output();
    match created {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "python3 with venv is needed to run {name}: apt install python3-venv\n{}",
            tail(&out)
        ),
        Err(e) => panic!("python3 with venv is needed to run {name}: apt install python3 python3-venv ({e})"),
    }
    let pip = Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "--disable-pip-version-check", &pip_spec])
        .stdin(Stdio::null())
        .output()
        .expect("run pip in the venv");
    assert!(
        pip.status.success(),
        "pip could not install {pip_spec} (PyPI must be reachable):\n{}",
        tail(&pip)
    );
    let check = Command::new(venv.join("bin/python"))
        .args(["-c", import_check])
        .stdin(Stdio::null())
        .output()
        .expect("run the venv's python");
    assert!(
        check.status.success(),
        "{name} was installed but does not import:\n{}",
        tail(&check)
    );
    eprintln!("installed {name} in {:.1?}", started.elapsed());
}

/// The last lines of a command's output, for a panic message.
fn tail(out: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    last_lines(&text, 30)
}
