#!/usr/bin/python3
"""Flag one needed symbol version of an ELF64 little-endian shared library as weak.

The dynamic loader refuses a library that needs a symbol version its dependency lacks, unless that need is
marked weak (VER_FLG_WEAK in its Elf64_Vernaux entry); then it only warns. Usage:
    relax_version_need.py LIBRARY VERSION      e.g. relax_version_need.py libLibTorchSharp.so GLIBCXX_3.4.32
Prints what it changed; changes nothing when the version is not needed.
"""
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def sections(image):
    shoff = struct.unpack_from("<Q", image, 0x28)[0]
    entry_size, count = struct.unpack_from("<HH", image, 0x3A)
    for i in range(count):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize
        yield struct.unpack_from("<IIQQQQIIQQ", image, shoff + i * entry_size)


def name_at(image, table_offset, index):
    start = table_offset + index
    return bytes(image[start:image.index(b"\0", start)]).decode()


def relax(image, version):
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        raise SystemExit("only 64-bit little-endian ELF files are supported")
    table = list(sections(image))
    changed = []
    for header in table:
        if header[1] != SHT_GNU_VERNEED:
            continue
        strings = table[header[6]][4]
        need, remaining = header[4], header[7]
        while remaining:
            _, aux_count, file_name, aux_offset, next_need = struct.unpack_from("<HHIII", image, need)
            aux = need + aux_offset
            for _ in range(aux_count):
                _, flags, _, aux_name, next_aux = struct.unpack_from("<IHHII", image, aux)
                if name_at(image, strings, aux_name) == version and not flags & VER_FLG_WEAK:
                    struct.pack_into("<H", image, aux + 4, flags | VER_FLG_WEAK)
                    changed.append(name_at(image, strings, file_name))
                aux += next_aux
            need += next_need
            remaining -= 1
    return changed


def main():
    path, version = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        image = bytearray(f.read())
    changed = relax(image, version)
    if changed:
        with open(path, "wb") as f:
            f.write(image)
    print(f"{path}: {version} from {', '.join(changed)} is now weak" if changed else f"{path}: nothing to relax for {version}")


main()
