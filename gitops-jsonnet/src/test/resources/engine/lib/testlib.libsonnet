// A stand-in for the built-in library in engine tests (ImportScope.libraryRoot = /engine/lib/).
local helper = import 'sub/helper.libsonnet';
{
  greet(name):: helper.prefix + name,
  file:: std.thisFile,
}
