package vn.bhyt.shared; final class Placeholder { private Placeholder() {} }
