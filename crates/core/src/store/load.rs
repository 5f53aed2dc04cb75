//! Finding briefing files under a directory and parsing them, in parallel when there are enough to pay.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::briefing::{self, Briefing, BriefingError, FileError, ParseOptions};

/// Below this many files a parallel parse costs more in thread hand-offs than it saves.
const PARALLEL_FROM: usize = 32;

/// One file's outcome.
#[derive(Debug)]
pub struct LoadedFile {
    pub path: PathBuf,
    pub result: Result<Briefing, FileError>,
}

/// Parses every briefing file under `dir`, sorted by path. Fails only when `dir` itself cannot be read.
pub fn scan(dir: &Path, options: &ParseOptions) -> Result<Vec<LoadedFile>, FileError> {
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::NotFound {
            "the briefings directory does not exist (set `briefings.dir` in the config)".to_string()
        } else {
            format!("cannot read the briefings directory: {e}")
        };
        FileError::new(dir, None, BriefingError::Io(hint))
    })?;
    paths.sort();
    let load = |path: PathBuf| {
        let result = read(&path, options).and_then(|bytes| briefing::parse(&path, &bytes, options));
        LoadedFile { path, result }
    };
    Ok(if paths.len() >= PARALLEL_FROM {
        paths.into_par_iter().map(load).collect()
    } else {
        paths.into_iter().map(load).collect()
    })
}

/// Is this a file the store should read? Markdown and text, but not hidden files or editor leftovers.
pub fn is_briefing_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.starts_with('#') || name.ends_with('~') {
        return false;
    }
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "txt"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type()?;
        if kind.is_dir() && !hidden {
            // A subdirectory that vanished or cannot be read is skipped, not fatal for the whole load.
            let _ = walk(&path, out);
        } else if (kind.is_file() || kind.is_symlink()) && is_briefing_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a file, refusing to pull more than the size limit into memory.
fn read(path: &Path, options: &ParseOptions) -> Result<Vec<u8>, FileError> {
    let io = |e: std::io::Error| FileError::new(path, None, BriefingError::Io(e.to_string()));
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > options.max_file_bytes {
        return Err(FileError::new(
            path,
            None,
            BriefingError::TooLarge {
                size,
                limit: options.max_file_bytes,
            },
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read one byte past the limit so a file that grew since `metadata` is still caught by `parse`.
    file.take(options.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(bytes)
}
