@echo off
rem OnModel launcher for Windows: builds what is stale (Maven), then runs the workstation or a headless command.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\target\onmodel-app.jar"
if not exist "%JAR%" goto build
rem Rebuild when any source or pom is newer than the jar (xcopy /D /L lists newer files without copying).
for /f %%F in ('xcopy /D /L /S /Y "%HERE%core\src\main" "%TEMP%\onmodel-stale-check\" ^| find /c "\"') do if not "%%F"=="0" goto build
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
java %ONMODEL_JAVA_OPTS% -cp "%JAR%;%HERE%app\target\lib\*" dev.onmodel.app.Main %*
exit /b %ERRORLEVEL%
