//! IAM policy documents: parse, validate, evaluate and explain.
