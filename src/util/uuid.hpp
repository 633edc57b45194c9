// UUIDs as the records of every module carry them (RFC 9562 text form,
// lower-case): random ones for new records, name-based ones for ids that must
// come out the same on every run (demo data, HSDS translation attributes).
#pragma once
#include <string>
#include <string_view>

namespace samen::uuid {

// A random UUID (version 4).
std::string random();
// A name-based UUID (version 8, BLAKE2b of the name): the same name always gives the same id.
std::string name_based(std::string_view name);
// The text of 16 bytes as a UUID, after setting its version and the RFC 4122 variant in them.
std::string text(unsigned char (&bytes)[16], unsigned version);
// True for 8-4-4-4-12 hexadecimal digits (either case), whatever the version.
bool valid(std::string_view s);

}  // namespace samen::uuid
