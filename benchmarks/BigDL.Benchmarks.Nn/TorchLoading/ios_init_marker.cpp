// libLibTorchSharp.so (TorchSharp 0.107.0) was linked against GCC 13's libstdc++, whose <iostream> makes every
// user reference the empty marker function std::ios_base_library_init() at symbol version GLIBCXX_3.4.32.
// Debian 12 ships GCC 12's libstdc++ (versions up to GLIBCXX_3.4.30), which has neither. This library supplies
// the marker and performs the stream initialisation that GCC 12 expects from each translation unit.
#include <ios>

namespace std {
void ios_base_library_init() {}
}

static std::ios_base::Init stream_initialisation;
