//! What only a load of briefings needs, built on first use and released when the load is done.
//!
//! Extraction's hundred-odd regexes, many over Unicode classes (`\w`, `\p{L}`, case-insensitive
//! Cyrillic), take some 20 MiB once compiled, with their per-thread search caches; the Chinese word list
//! of the segmenter takes 5.5 MiB. Briefings are read at start and on a reload, never between, and a
//! Chinese query needs the word list only when one is asked: keeping them all would make a long-running
//! bot hold that memory for nothing. A [`Transient`] builds its value on first use and hands out shared
//! references; [`release`] drops every built one (a caller still using one keeps its own reference until
//! it is done), and the next use builds it again: the patterns in a few tens of milliseconds, the word
//! list in 12 ms.

use std::sync::{Arc, Mutex, RwLock};

/// A value (a regex, a list of them, a word list) built on first use by `build`, until [`release`].
pub(crate) struct Transient<T: 'static = regex::Regex> {
    build: fn() -> T,
    value: RwLock<Option<Arc<T>>>,
}

/// The values built since the last [`release`].
static BUILT: Mutex<Vec<&'static (dyn Release + Sync)>> = Mutex::new(Vec::new());

trait Release {
    fn release(&self);
}

impl<T: Send + Sync> Release for Transient<T> {
    fn release(&self) {
        *self.value.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

impl<T: Send + Sync + 'static> Transient<T> {
    pub(crate) const fn new(build: fn() -> T) -> Self {
        Transient {
            build,
            value: RwLock::new(None),
        }
    }

    /// The value, built now if it is not (a cheap reference count otherwise).
    pub(crate) fn get(&'static self) -> Arc<T> {
        if let Some(value) = self.value.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            return value.clone();
        }
        let mut slot = self.value.write().unwrap_or_else(|e| e.into_inner());
        if let Some(value) = slot.as_ref() {
            return value.clone();
        }
        let value = Arc::new((self.build)());
        *slot = Some(value.clone());
        BUILT.lock().unwrap_or_else(|e| e.into_inner()).push(self);
        value
    }
}

/// Drops every built value, and hands the freed memory back to the system where the allocator allows.
/// Called when a load of briefings is done; the next use builds what it needs again.
pub(crate) fn release() {
    let built = std::mem::take(&mut *BUILT.lock().unwrap_or_else(|e| e.into_inner()));
    if built.is_empty() {
        return;
    }
    for value in built {
        value.release();
    }
    trim();
}

/// glibc keeps freed memory in its arenas; `malloc_trim` returns the free pages of all of them.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    // SAFETY: malloc_trim only walks the allocator's own free lists; any pad is valid.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

#[cfg(test)]
mod tests {
    use super::*;

    static DIGITS: Transient = Transient::new(|| regex::Regex::new(r"\d+").expect("digits"));

    #[test]
    fn a_released_value_is_built_again_and_a_held_one_stays_usable() {
        // Other tests load briefings, and each load releases every value: two gets in a row give the same
        // value unless such a release fell between them, so a few tries are allowed.
        let built_once = (0..100).any(|_| Arc::ptr_eq(&DIGITS.get(), &DIGITS.get()));
        assert!(built_once, "a second get reuses the value the first built");
        let held = DIGITS.get();
        release();
        assert!(
            held.is_match("a 12 b"),
            "a reference held across a release still works"
        );
        let again = DIGITS.get();
        assert!(!Arc::ptr_eq(&held, &again), "built anew after the release");
        assert!(again.is_match("7"));
    }
}
