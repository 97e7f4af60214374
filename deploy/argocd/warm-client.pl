#!/usr/bin/perl
# The client of the warm render server (gitops-cli: internal/cmp/RenderServer, WarmProtocol).
# deploy/argocd/gitops.sh execs it for `gitops cmp generate` as
#   perl warm-client.pl <install folder> <launcher> [start]
# installed as /opt/gitops/warm-client.pl. With `start` it only starts a server when none answers
# (the sidecar's command does that at pod start) and exits 0.
#
# It loads no module on Linux: every render pays for the client's start, and perl's own start is
# ~3 ms of CPU while `use Socket` alone costs ~11 ms, warnings ~4 ms, Cwd ~4 ms. So the socket
# constants and the sockaddr_un layout are Linux's (AF_UNIX 1, SOCK_STREAM 1, a 16-bit family
# then the path) and the working directory is /proc/self/cwd; elsewhere Socket and Cwd are
# loaded. POSIX only when a server is started. strict and warnings are checked when the image is
# built and by the tests (perl -Mstrict -Mwarnings -c), not at every run. perl comes from
# perl-base, an Essential package of Debian and Ubuntu: nothing is installed for it.
#
# Exit codes: the render's own (0 written; 1, 2, 3 failed, nothing on stdout) and 1 when stdout
# could not be written. When the server gives no answer (absent, busy, stale, cut short, unsafe
# folder) nothing was written and the client execs the launcher again with GITOPS_WARM=0: the
# render runs on the cold path. When the server is absent or stale, a new one is started in the
# background first (its own session, no inherited output).
#
# Environment: GITOPS_WARM_DIR (the socket's folder; default $TMPDIR/gitops-warm-<uid>),
# GITOPS_CMP_TIMEOUT_SECONDS, GITOPS_WARM_TRACE=1 (one line on stderr saying which path answered).

$SIG{PIPE} = 'IGNORE';
my ($home, $launcher, $mode) = @ARGV;
$home = '/opt/gitops' if !defined $home || $home eq '';
$launcher = '' if !defined $launcher;
my $starting = defined $mode && $mode eq 'start';
my $dir = $ENV{GITOPS_WARM_DIR} // (($ENV{TMPDIR} // '/tmp') . "/gitops-warm-$<");
my $trace = ($ENV{GITOPS_WARM_TRACE} // '') eq '1';
my $linux = $^O eq 'linux';

# No answer from the server: the render runs on the cold path, in place of this process.
sub cold {
    my ($why) = @_;
    print STDERR "gitops-warm: cold ($why)\n" if $trace;
    exit 0 if $starting;
    if ($launcher eq '') {
        print STDERR "gitops cmp generate: the warm client was started without its launcher. Hint: run gitops, not warm-client.pl.\n";
        exit 3;
    }
    $ENV{GITOPS_WARM} = '0';
    exec('/bin/sh', $launcher, 'cmp', 'generate')
        or print STDERR "gitops cmp generate: could not run $launcher: $!. Hint: reinstall the plugin image.\n";
    exit 3;
}

# What the server must have been started for: the launcher, the jars, the class archive and the
# JVM settings. A changed file (size, mtime or inode) or setting makes the server stop and restart.
sub stamp {
    my @files = ($launcher, "$home/gitops-cli.jar");
    if (opendir(my $d, "$home/lib")) {
        push @files, map { "$home/lib/$_" } sort grep { /\.jar\z/ } readdir($d);
        closedir($d);
    }
    push @files, "$home/gitops.aot", "$home/gitops.jsa";
    my @parts;
    for my $f (@files) {
        my @st = stat($f);
        push @parts, @st ? "$f:$st[7]:$st[9]:$st[1]" : "$f:-";
    }
    for my $k (qw(JAVA_HOME GITOPS_JAVA_OPTS GITOPS_WARM_HEAP GITOPS_WARM_CONCURRENCY GITOPS_WARM_WAIT_MS GITOPS_WARM_IDLE_SECONDS
                  GITOPS_WARM_CACHE_ENTRIES GITOPS_WARM_CACHE_MB)) {
        push @parts, "$k=" . ($ENV{$k} // '');
    }
    my $s = join(';', @parts);
    $s =~ s/[\r\n]/ /g;
    return $s;
}

# The folder must be ours alone: a link, another user's folder or one open to others is not used.
sub safe_dir {
    my @st = lstat($dir);
    if (!@st) {
        my $old = umask(077);
        mkdir($dir, 0700);
        umask($old);
        @st = lstat($dir);
        return 0 if !@st;
    }
    return -d _ && $st[4] == $< && ($st[2] & 077) == 0;
}

sub start_server {
    my ($stamp) = @_;
    return if $launcher eq '';
    # one start per two seconds: concurrent first requests do not each start a JVM (the server's
    # lock would stop all but one anyway)
    my $marker = "$dir/starting";
    my @st = stat($marker);
    return if @st && time() - $st[9] < 2;
    if (open(my $m, '>', $marker)) { close($m); }
    require POSIX;
    my $pid = fork();
    return if !defined $pid;
    if ($pid == 0) {
        POSIX::setsid();
        my $pid2 = fork();
        POSIX::_exit(0) if !defined $pid2 || $pid2 != 0;
        open(STDIN, '<', '/dev/null');
        open(STDOUT, '>', "$dir/jvm.log");
        open(STDERR, '>&', \*STDOUT);
        $ENV{GITOPS_WARM_STAMP} = $stamp;
        $ENV{GITOPS_WARM_DIR} = $dir;
        $ENV{GITOPS_HOME} = $home;
        exec('/bin/sh', $launcher, 'cmp', 'serve') or POSIX::_exit(127);
    }
    waitpid($pid, 0);
}

cold('unsafe folder') if !safe_dir();
my $stamp = stamp();
my $path = "$dir/render.sock";
# sun_path holds 108 bytes with the terminating NUL
cold('socket path too long') if length($path) > 107;

my ($addr, $sock);
if ($linux) {
    $addr = pack('S', 1) . $path . "\0";
    socket($sock, 1, 1, 0) or cold("socket: $!");
} else {
    require Socket;
    $addr = Socket::pack_sockaddr_un($path);
    socket($sock, Socket::AF_UNIX(), Socket::SOCK_STREAM(), 0) or cold("socket: $!");
}
if (!connect($sock, $addr)) {
    my $why = "$!";
    start_server($stamp);
    cold("no server: $why");
}
if ($starting) {
    print STDERR "gitops-warm: a server answers\n" if $trace;
    exit 0;
}

my $cwd;
if ($linux) {
    $cwd = readlink('/proc/self/cwd');
    $cwd = undef if defined $cwd && $cwd =~ / \(deleted\)\z/;
} else {
    require Cwd;
    $cwd = Cwd::getcwd();
}
cold('no working directory') if !defined $cwd || substr($cwd, 0, 1) ne '/';

my $request = "GITOPS-WARM 1\n$stamp\n$cwd\0";
for my $k (sort keys %ENV) {
    $request .= "$k=$ENV{$k}\0";
}
# no answer within the request's deadline and a margin: the server is unhealthy
my $timeout = ($ENV{GITOPS_CMP_TIMEOUT_SECONDS} // '') =~ /^[1-9][0-9]{0,4}$/ ? $ENV{GITOPS_CMP_TIMEOUT_SECONDS} : 50;
local $SIG{ALRM} = sub { cold('no answer in time') };
alarm($timeout + 5);
my $off = 0;
while ($off < length($request)) {
    my $n = syswrite($sock, $request, length($request) - $off, $off);
    next if !defined $n && $!{EINTR};
    cold("send: $!") if !defined $n;
    $off += $n;
}
shutdown($sock, 1); # SHUT_WR: the request is complete
# The whole answer is read before anything is written: a server that dies mid-answer leaves
# stdout untouched, and the cold path renders instead.
my $response = '';
while (1) {
    my $n = sysread($sock, $response, 1 << 20, length($response));
    next if !defined $n && $!{EINTR};
    cold("receive: $!") if !defined $n;
    last if $n == 0;
}
alarm(0);
close($sock);

$response =~ /\AGITOPS-WARM 1 ([a-z]+) ([0-9]+) ([0-9]+) ([0-9]+)\n/ or cold('answer cut short');
my ($status, $exit, $errlen, $outlen) = ($1, $2, $3, $4);
my $body = $+[0];
if ($status eq 'stale') {
    start_server($stamp);
    cold('server was for another binary or configuration; restarting it');
}
cold($status) if $status ne 'done';
cold('answer cut short') if length($response) != $body + $errlen + $outlen;

print STDERR "gitops-warm: warm\n" if $trace;
syswrite(STDERR, $response, $errlen, $body) if $errlen > 0;
if ($exit == 0 && $outlen > 0) {
    $off = 0;
    while ($off < $outlen) {
        my $n = syswrite(STDOUT, $response, $outlen - $off, $body + $errlen + $off);
        if (!defined $n) {
            next if $!{EINTR};
            print STDERR "gitops cmp generate: could not write the manifests to stdout (its reader went away)."
                . " Hint: Argo CD reads all of stdout; run the command again.\n";
            exit 1;
        }
        $off += $n;
    }
}
exit $exit;
