//! Catalog (in progress).
