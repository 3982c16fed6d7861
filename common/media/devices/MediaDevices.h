#pragma once

#include "media/audio/AudioSink.h"
#include "media/audio/AudioSource.h"
#include "media/video/VideoSource.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace consult::media {

// One camera, microphone or speaker as the device chooser lists it.
struct DeviceInfo
{
    QByteArray id;       // stable across runs (Qt Multimedia's device id); what the choice remembers
    QString description; // the name the system gives it, shown to the user as plain text
    bool isDefault = false;
};

// The devices a user chose (the customer in the system check, the advisor at the workstation).
// An empty id means the system's default device; an id no longer present falls back to the default.
struct DeviceChoice
{
    QByteArray camera;
    QByteArray microphone;
    QByteArray speaker;

    friend bool operator==(const DeviceChoice &, const DeviceChoice &) = default;
};

// Where a call's devices come from: the lists for the chooser and the factories for the engine.
// The apps use Qt Multimedia (QtMediaDevices); tests and headless runs use synthetic devices (a tone,
// a test pattern) behind this same interface (SyntheticMediaDevices), so the whole pipeline and the
// apps' screens run without a camera or a sound card.
//
// Threads: lives in the GUI thread. The factories it returns are called by the audio engine on its
// own thread (AudioStream::start); the camera is made and started in the GUI thread.
class MediaDevices : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QList<DeviceInfo> cameras() const = 0;
    virtual QList<DeviceInfo> microphones() const = 0;
    virtual QList<DeviceInfo> speakers() const = 0;

    // The chosen camera (empty id: the default), switched off; nullptr when the machine has none.
    virtual std::unique_ptr<VideoSource> makeCamera(const QByteArray &id) = 0;
    // Factories for the chosen microphone and speaker, called on the audio thread; an empty function
    // when the machine has no such device.
    virtual std::function<std::unique_ptr<AudioSource>()> microphone(const QByteArray &id) = 0;
    virtual std::function<std::unique_ptr<AudioSink>()> speaker(const QByteArray &id) = 0;

Q_SIGNALS:
    // A device was plugged in or removed (the chooser refreshes; a call notices the loss itself).
    void devicesChanged();
};

} // namespace consult::media
