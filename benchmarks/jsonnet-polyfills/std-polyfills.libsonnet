// The std functions of go-jsonnet 0.21 that bare sjsonnet 0.4.9 lacks and that the measured
// libraries call, written in Jsonnet from their documented meaning
// (https://jsonnet.org/ref/stdlib.html). benchmarks/jsonnet-vs-sjsonnet.sh binds `std` to this
// object in every library file that calls one of them, for the bare sjsonnet run only;
// gitops-jsonnet has them natively.
std {
  get(o, f, default=null, inc_hidden=true)::
    if (if inc_hidden then std.objectHasAll(o, f) else std.objectHas(o, f)) then o[f] else default,

  all(arr)::
    local n = std.length(arr);
    local from(i) = if i >= n then true else if !arr[i] then false else from(i + 1);
    from(0),

  any(arr)::
    local n = std.length(arr);
    local from(i) = if i >= n then false else if arr[i] then true else from(i + 1);
    from(0),

  splitLimitR(str, c, maxsplits)::
    if maxsplits == -1 then std.splitLimit(str, c, -1)
    else
      local reversed(s) = std.join('', std.reverse(std.stringChars(s)));
      std.reverse(std.map(reversed, std.splitLimit(reversed(str), reversed(c), maxsplits))),
}
