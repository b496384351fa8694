package vn.bhyt.bench; final class Placeholder { private Placeholder() {} }
