//! Catalog SQL (in progress).
