#!/usr/bin/perl
# The client of the warm render server (gitops-cli: internal/cmp/RenderServer, WarmProtocol).
# deploy/argocd/gitops.sh runs it for `gitops cmp generate`; installed as /opt/gitops/warm-client.pl.
# Perl, with modules of perl-base only (Socket, Cwd; POSIX and Errno when needed): an Essential
# package of Debian and Ubuntu, so it is in the image and on every Debian machine without
# installing anything, and it starts in a few ms (a second JVM would cost what the server saves).
#
# Exit codes: the render's own (0 written; 1, 2, 3 failed, nothing on stdout), 1 when stdout could
# not be written, and 75 when the server gave no answer (absent, busy, stale, cut short, unsafe
# folder): nothing was written and gitops.sh renders on the cold path. When the server is absent
# or stale, a new one is started in the background (its own session, no inherited output).
#
# Environment: GITOPS_HOME (the install folder), GITOPS_LAUNCHER (gitops.sh, to start the server),
# GITOPS_WARM_DIR (the socket's folder; default $TMPDIR/gitops-warm-<uid>), GITOPS_CMP_TIMEOUT_SECONDS, GITOPS_WARM_TRACE=1 (one line
# on stderr saying which path answered).
use strict;
use warnings;
use Cwd ();
use Socket qw(AF_UNIX SOCK_STREAM SHUT_WR pack_sockaddr_un);
# POSIX (only to start a server) and Errno (only on an interrupted read or write, through %!) are
# loaded when needed: every render pays for what is loaded up front.

$SIG{PIPE} = 'IGNORE';
my $COLD = 75;
my $home = $ENV{GITOPS_HOME} // '/opt/gitops';
my $dir = $ENV{GITOPS_WARM_DIR} // (($ENV{TMPDIR} // '/tmp') . "/gitops-warm-$<");
my $trace = ($ENV{GITOPS_WARM_TRACE} // '') eq '1';

sub cold {
    my ($why) = @_;
    print STDERR "gitops-warm: cold ($why)\n" if $trace;
    exit $COLD;
}

# What the server must have been started for: the launcher, the jars, the class archive and the
# JVM settings. A changed file (size, mtime or inode) or setting makes the server stop and restart.
sub stamp {
    my @parts;
    my @files = ($ENV{GITOPS_LAUNCHER} // '', "$home/gitops-cli.jar", sort(glob("$home/lib/*.jar")),
        "$home/gitops.aot", "$home/gitops.jsa");
    for my $f (@files) {
        my @st = stat($f);
        push @parts, @st ? "$f:$st[7]:$st[9]:$st[1]" : "$f:-";
    }
    for my $k (qw(JAVA_HOME GITOPS_JAVA_OPTS GITOPS_WARM_HEAP GITOPS_WARM_CONCURRENCY GITOPS_WARM_WAIT_MS GITOPS_WARM_IDLE_SECONDS)) {
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
    my $launcher = $ENV{GITOPS_LAUNCHER} // '';
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
        exec('/bin/sh', $launcher, 'cmp', 'serve') or POSIX::_exit(127);
    }
    waitpid($pid, 0);
}

cold('unsafe folder') if !safe_dir();
my $stamp = stamp();
my $cwd = Cwd::getcwd() // cold('no working directory');

socket(my $sock, AF_UNIX, SOCK_STREAM, 0) or cold("socket: $!");
if (!connect($sock, pack_sockaddr_un("$dir/render.sock"))) {
    start_server($stamp);
    cold('no server');
}

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
    cold("send: $!") if !defined $n;
    $off += $n;
}
shutdown($sock, SHUT_WR);
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
