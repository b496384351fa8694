package vn.bhyt.claims; final class Placeholder { private Placeholder() {} }
