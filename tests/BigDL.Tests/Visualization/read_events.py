"""Reads a TensorFlow event file with Google's protobuf runtime, independently of BigDL for .NET's own reader.

Usage: /usr/bin/python3 read_events.py EVENT_FILE

The Event and Summary messages are built at run time from a FileDescriptorProto written out below (the fields of
TensorFlow's event.proto and summary.proto that scalar summaries use), so neither TensorFlow nor generated code is
needed. Both checksums of every record are checked with a bitwise CRC-32C written here, and every event must be
exactly the bytes protobuf itself serialises it to (the canonical encoding). Prints one tab-separated line
per file version and per scalar:
    version <file_version>
    scalar <tag> <step> <simple_value as the 8 hex digits of its float32 bits> <wall_time repr>
and exits non-zero with a message on stderr when the file is not a valid event file.
"""

import struct
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

FIELD = descriptor_pb2.FieldDescriptorProto


def build_event_class():
    proto = descriptor_pb2.FileDescriptorProto(
        name="bigdl_read_events_check.proto", package="tensorflow", syntax="proto3")

    summary = proto.message_type.add(name="Summary")
    value = summary.nested_type.add(name="Value")
    value.oneof_decl.add(name="value")
    value.field.add(name="tag", number=1, type=FIELD.TYPE_STRING, label=FIELD.LABEL_OPTIONAL)
    value.field.add(name="simple_value", number=2, type=FIELD.TYPE_FLOAT, label=FIELD.LABEL_OPTIONAL,
                    oneof_index=0)
    summary.field.add(name="value", number=1, type=FIELD.TYPE_MESSAGE, label=FIELD.LABEL_REPEATED,
                      type_name=".tensorflow.Summary.Value")

    event = proto.message_type.add(name="Event")
    event.oneof_decl.add(name="what")
    event.field.add(name="wall_time", number=1, type=FIELD.TYPE_DOUBLE, label=FIELD.LABEL_OPTIONAL)
    event.field.add(name="step", number=2, type=FIELD.TYPE_INT64, label=FIELD.LABEL_OPTIONAL)
    event.field.add(name="file_version", number=3, type=FIELD.TYPE_STRING, label=FIELD.LABEL_OPTIONAL,
                    oneof_index=0)
    event.field.add(name="summary", number=5, type=FIELD.TYPE_MESSAGE, label=FIELD.LABEL_OPTIONAL,
                    type_name=".tensorflow.Summary", oneof_index=0)

    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    descriptor = pool.FindMessageTypeByName("tensorflow.Event")
    get_class = getattr(message_factory, "GetMessageClass", None)  # protobuf >= 4.22
    if get_class is not None:
        return get_class(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked(data):
    crc = crc32c(data)
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def records(blob):
    """Yields (offset, data) for each record."""
    offset = 0
    while offset < len(blob):
        if offset + 12 > len(blob):
            raise ValueError(f"truncated record header at offset {offset}")
        length_bytes = blob[offset:offset + 8]
        (length,) = struct.unpack("<Q", length_bytes)
        (length_crc,) = struct.unpack("<I", blob[offset + 8:offset + 12])
        if length_crc != masked(length_bytes):
            raise ValueError(f"length checksum mismatch at offset {offset}")
        end = offset + 12 + length + 4
        if end > len(blob):
            raise ValueError(f"truncated record at offset {offset}")
        data = blob[offset + 12:offset + 12 + length]
        (data_crc,) = struct.unpack("<I", blob[end - 4:end])
        if data_crc != masked(data):
            raise ValueError(f"data checksum mismatch at offset {offset}")
        yield offset, data
        offset = end


def main(path):
    event_class = build_event_class()
    with open(path, "rb") as f:
        blob = f.read()
    for offset, data in records(blob):
        event = event_class()
        event.ParseFromString(data)
        canonical = event.SerializeToString()
        if canonical != data:
            raise ValueError(f"record at offset {offset} is {data.hex()}, protobuf serialises it as {canonical.hex()}")
        kind = event.WhichOneof("what")
        if kind == "file_version":
            print(f"version\t{event.file_version}")
        elif kind == "summary":
            for value in event.summary.value:
                if value.WhichOneof("value") != "simple_value":
                    raise ValueError(f"value {value.tag!r} at step {event.step} is not a simple_value")
                (bits,) = struct.unpack("<I", struct.pack("<f", value.simple_value))
                print(f"scalar\t{value.tag}\t{event.step}\t{bits:08x}\t{event.wall_time!r}")
        else:
            raise ValueError(f"event at step {event.step} holds {kind}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: read_events.py EVENT_FILE")
    main(sys.argv[1])
