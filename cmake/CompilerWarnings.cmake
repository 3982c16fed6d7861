# One warning policy for every target of the project.
function(consult_set_warnings target)
    if(MSVC) # the Windows build of the apps (CMakePresets.json "windows-release")
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(CONSULT_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Wold-style-cast -Wcast-align -Woverloaded-virtual)
        if(CONSULT_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    # Qt: no implicit string conversions, no keyword macros (signals/slots/emit are spelled Q_*).
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                 QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
endfunction()
