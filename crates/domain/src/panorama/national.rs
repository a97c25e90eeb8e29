//! National figures.
