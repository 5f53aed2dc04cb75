pub mod briefing;
pub mod extract;
pub mod search;
pub mod store;
mod tomlerr;
