//! What every command's output shares, whatever it renders: one look for the tables a
//! terminal shows. A renderer takes these from here rather than setting up its own copy.

pub mod table;
