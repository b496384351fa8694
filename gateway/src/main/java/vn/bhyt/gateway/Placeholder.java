package vn.bhyt.gateway; final class Placeholder { private Placeholder() {} }
