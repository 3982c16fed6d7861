#include "ProxyHeader.h"

#include <QtEndian>

#include <cstring>

namespace consult {

namespace {

constexpr char kSignature[] = "\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A";
constexpr int kSignatureBytes = 12;
constexpr int kVersion = 2;
constexpr int kCommandLocal = 0;
constexpr int kCommandProxy = 1;
constexpr int kFamilyInet = 1;
constexpr int kFamilyInet6 = 2;
constexpr int kTransportStream = 1;
constexpr int kInetAddressBytes = 12;  // source, destination, their ports
constexpr int kInet6AddressBytes = 36; // the same for IPv6

ProxyHeader::Result invalid()
{
    ProxyHeader::Result result;
    result.status = ProxyHeader::Status::Invalid;
    result.neededBytes = 0;
    return result;
}

quint16 bigEndian16(const char *bytes)
{
    return qFromBigEndian<quint16>(bytes);
}

} // namespace

ProxyHeader::Result ProxyHeader::parse(QByteArrayView bytes)
{
    const auto available = static_cast<int>(qMin<qsizetype>(bytes.size(), kMaxBytes));
    if (available == 0)
        return Result{};
    const char *data = bytes.data();
    // The signature first, as far as it has arrived: a client speaking TLS fails at the first byte.
    if (std::memcmp(data, kSignature, static_cast<size_t>(qMin(available, kSignatureBytes))) != 0)
        return invalid();
    if (available < kFixedBytes)
        return Result{};

    const auto versionCommand = static_cast<quint8>(data[12]);
    const auto familyTransport = static_cast<quint8>(data[13]);
    const int length = bigEndian16(data + 14);
    const int version = versionCommand >> 4;
    const int command = versionCommand & 0x0F;
    if (version != kVersion || (command != kCommandLocal && command != kCommandProxy))
        return invalid();
    const int total = kFixedBytes + length;
    if (total > kMaxBytes)
        return invalid();

    int addressBytes = 0;
    const int family = familyTransport >> 4;
    const int transport = familyTransport & 0x0F;
    if (command == kCommandProxy) {
        if (transport != kTransportStream)
            return invalid();
        if (family == kFamilyInet)
            addressBytes = kInetAddressBytes;
        else if (family == kFamilyInet6)
            addressBytes = kInet6AddressBytes;
        else
            return invalid(); // UNSPEC and UNIX carry no client address we could count
        if (length < addressBytes)
            return invalid();
    }
    if (available < total) {
        Result result;
        result.neededBytes = total;
        return result;
    }

    Result result;
    result.status = Status::Complete;
    result.neededBytes = 0;
    result.headerBytes = total;
    if (command == kCommandLocal) {
        result.local = true;
        return result; // whatever follows (addresses, TLVs) is skipped
    }
    const char *address = data + kFixedBytes;
    if (family == kFamilyInet) {
        result.source = QHostAddress(qFromBigEndian<quint32>(address));
        result.sourcePort = bigEndian16(address + 8);
    } else {
        Q_IPV6ADDR ipv6;
        std::memcpy(ipv6.c, address, sizeof ipv6.c);
        result.source = QHostAddress(ipv6);
        result.sourcePort = bigEndian16(address + 32);
    }
    return result; // TLVs after the addresses are skipped
}

} // namespace consult
