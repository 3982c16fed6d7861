# Every dependency comes from Debian 12's packages (see scripts/install-dependencies.sh).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network WebSockets Sql Test Gui Widgets PrintSupport LinguistTools)
# The server's monitoring port (/healthz, /metrics; issue 14).
find_package(Qt6 6.4 REQUIRED COMPONENTS HttpServer)
find_package(PkgConfig REQUIRED)
find_package(Protobuf REQUIRED)
find_package(OpenSSL 3.0 REQUIRED)
if(CONSULT_BUILD_SERVER) # the server's only: a Windows build of the apps needs none of them
    pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
    # The advisors' second factor (A5): TOTP codes (liboath) and the enrolment's terminal QR code (libqrencode).
    pkg_check_modules(OATH REQUIRED IMPORTED_TARGET liboath)
    pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
endif()

# libphonenumber ships neither a CMake package nor a pkg-config file on Debian 12.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(consult_phonenumber INTERFACE)
target_include_directories(consult_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
# libphonenumber links the full protobuf runtime; our generated code is LITE_RUNTIME, which the full
# runtime contains, so the whole project links the full runtime once instead of lite and full side by side.
target_link_libraries(consult_phonenumber INTERFACE ${PHONENUMBER_LIBRARY} protobuf::libprotobuf)
