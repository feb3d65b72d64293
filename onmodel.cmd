@echo off
rem OnModel launcher for Windows: builds what is stale (Maven), then runs the workstation or a headless command.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\target\onmodel-app.jar"
if not exist "%JAR%" goto build
rem Rebuild when any source or pom is newer than the jar.
powershell -NoProfile -Command "$j=(Get-Item '%JAR%').LastWriteTime; $n=Get-ChildItem -Recurse -File '%HERE%core\src\main','%HERE%app\src\main','%HERE%pom.xml','%HERE%core\pom.xml','%HERE%app\pom.xml' | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run
:build
echo onmodel: building (first run, or the sources changed)... 1>&2
pushd "%HERE%"
call mvn -B -q -DskipTests package
if errorlevel 1 (
  popd
  echo onmodel: the build failed; see the Maven output above. 1>&2
  exit /b 1
)
popd
:run
rem Start-up: the first window run records a class-data archive (app\target\onmodel.jsa) as it exits; later runs
rem map it. Stale after a rebuild (recorded again); one the JVM cannot use is skipped. ONMODEL_CDS=off: none.
set "JSA=%HERE%app\target\onmodel.jsa"
set "CDS="
if /i "%ONMODEL_CDS%"=="off" goto launch
powershell -NoProfile -Command "$a=Get-Item '%JSA%' -ErrorAction SilentlyContinue; if (-not $a) { exit 2 }; $n=Get-ChildItem -File '%JAR%','%HERE%app\target\lib' | Where-Object { $_.LastWriteTime -gt $a.LastWriteTime } | Select-Object -First 1; if ($n) { exit 2 } else { exit 0 }"
if errorlevel 2 goto record
set "CDS=-XX:SharedArchiveFile=%JSA% -Xlog:cds=off -Xlog:cds+dynamic=off"
goto launch
:record
if not "%~1"=="" if /i not "%~1"=="open" goto launch
if exist "%JSA%" del /f "%JSA%"
set "CDS=-XX:ArchiveClassesAtExit=%JSA% -Xlog:cds=off -Xlog:cds+dynamic=off"
:launch
java %ONMODEL_JAVA_OPTS% %CDS% -cp "%JAR%;%HERE%app\target\lib\*" dev.onmodel.app.Main %*
exit /b %ERRORLEVEL%
