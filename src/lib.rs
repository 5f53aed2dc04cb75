pub mod briefing;
pub mod extract;
