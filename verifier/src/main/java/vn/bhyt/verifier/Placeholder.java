package vn.bhyt.verifier; final class Placeholder { private Placeholder() {} }
