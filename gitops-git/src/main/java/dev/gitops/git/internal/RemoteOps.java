package dev.gitops.git.internal;

import dev.gitops.git.Credentials;
import dev.gitops.git.Remote;

import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetch and compare-and-swap push against one remote, with the caller's credentials. HTTPS tokens
 * go through a {@link UsernamePasswordCredentialsProvider}; SSH uses JGit's Apache MINA transport
 * ({@link SshdSessionFactory}) configured from {@link Credentials.Ssh}.
 */
public final class RemoteOps implements AutoCloseable {

    /** The outcome of one push. */
    public enum PushStatus { OK, LOST_RACE, REJECTED }

    /** A push outcome with the remote's message when it was rejected. */
    public record Pushed(PushStatus status, String message) {}

    private final Repository repo;
    private final Remote remote;
    private final SshdSessionFactory ssh;

    public RemoteOps(Repository repo, Remote remote) {
        this.repo = repo;
        this.remote = remote;
        this.ssh = remote.credentials() instanceof Credentials.Ssh s ? sshFactory(s) : null;
    }

    /** Whether the remote is a configured name (then tracking refs {@code refs/remotes/<name>/*} are kept). */
    public boolean isNamed() {
        return repo.getRemoteNames().contains(remote.nameOrUrl());
    }

    /** A short name for messages: the remote name, or the URL without credentials. */
    public String describe() {
        String n = remote.nameOrUrl();
        int at = n.indexOf('@');
        int scheme = n.indexOf("://");
        return at > 0 && scheme > 0 && at > scheme ? n.substring(0, scheme + 3) + "***" + n.substring(at) : n;
    }

    /**
     * Fetches the named branches that exist on the remote and returns the remote's tip of each
     * (empty for a branch the remote does not have). The objects are in the local repository
     * afterwards; the tips are what a later push expects the remote still to have.
     */
    public Map<String, Optional<ObjectId>> fetch(List<String> branches) throws IOException {
        Map<String, Ref> advertised;
        try (Transport t = open(); FetchConnection c = t.openFetch()) {
            advertised = new HashMap<>(c.getRefsMap());
        }
        Map<String, Optional<ObjectId>> tips = new HashMap<>();
        List<RefSpec> specs = new ArrayList<>();
        for (String b : branches) {
            Ref r = advertised.get(Constants.R_HEADS + b);
            tips.put(b, r == null ? Optional.empty() : Optional.of(r.getObjectId()));
            if (r != null && !repo.getObjectDatabase().has(r.getObjectId())) {
                specs.add(isNamed()
                        ? new RefSpec("+" + Constants.R_HEADS + b + ":" + Constants.R_REMOTES + remote.nameOrUrl() + "/" + b)
                        : new RefSpec(Constants.R_HEADS + b));
            }
        }
        if (!specs.isEmpty()) {
            try (Transport t = open()) {
                t.fetch(NullProgressMonitor.INSTANCE, specs);
            }
        }
        return tips;
    }

    /** The remote's current tip of {@code branch} (one round trip, no objects). */
    public Optional<ObjectId> remoteTip(String branch) throws IOException {
        try (Transport t = open(); FetchConnection c = t.openFetch()) {
            Ref r = c.getRef(Constants.R_HEADS + branch);
            return r == null ? Optional.empty() : Optional.of(r.getObjectId());
        }
    }

    /**
     * Pushes {@code commit} to {@code branch} only if the remote still has {@code expectedOld}
     * (absent: only if the branch does not exist there). A non-fast-forward or stale rejection, or a
     * rejection after which the remote no longer has {@code expectedOld}, is a lost race; anything
     * else is a final rejection.
     */
    public Pushed push(String branch, Optional<ObjectId> expectedOld, ObjectId commit) throws IOException {
        String ref = Constants.R_HEADS + branch;
        RemoteRefUpdate u = new RemoteRefUpdate(repo, (String) null, commit, ref, false, null,
                expectedOld.orElse(ObjectId.zeroId()));
        try (Transport t = open()) {
            t.push(NullProgressMonitor.INSTANCE, List.of(u));
        }
        switch (u.getStatus()) {
            case OK:
            case UP_TO_DATE:
                if (isNamed()) {
                    var ru = repo.updateRef(Constants.R_REMOTES + remote.nameOrUrl() + "/" + branch);
                    ru.setNewObjectId(commit);
                    ru.setForceUpdate(true);
                    ru.disableRefLog();
                    ru.update();
                }
                return new Pushed(PushStatus.OK, "");
            case REJECTED_NONFASTFORWARD:
            case REJECTED_REMOTE_CHANGED:
                return new Pushed(PushStatus.LOST_RACE, String.valueOf(u.getStatus()));
            case REJECTED_OTHER_REASON: {
                // A server that lost the race under its own ref lock says so only in free text
                // (JGit "failed to lock", Git "cannot lock ref ..."); a concurrent writer may still
                // hold the lock, so the remote can look unchanged for a moment. Otherwise decide by
                // looking at the remote again.
                String msg = u.getMessage() == null ? "rejected" : u.getMessage();
                if (msg.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
                    return new Pushed(PushStatus.LOST_RACE, msg);
                }
                Optional<ObjectId> now = remoteTip(branch);
                return now.equals(expectedOld) ? new Pushed(PushStatus.REJECTED, msg) : new Pushed(PushStatus.LOST_RACE, msg);
            }
            default:
                return new Pushed(PushStatus.REJECTED, u.getStatus() + (u.getMessage() == null ? "" : ": " + u.getMessage()));
        }
    }

    private Transport open() throws IOException {
        Transport t;
        try {
            t = Transport.open(repo, remote.nameOrUrl());
        } catch (URISyntaxException e) {
            throw new TransportException("not a remote name or URL: " + describe());
        } catch (NotSupportedException e) {
            throw new TransportException("unsupported remote " + describe() + ": " + e.getMessage());
        }
        if (remote.credentials() instanceof Credentials.Token tok) {
            t.setCredentialsProvider(new UsernamePasswordCredentialsProvider(tok.username(), tok.token()));
        }
        if (ssh != null && t instanceof SshTransport st) {
            st.setSshSessionFactory(ssh);
        }
        return t;
    }

    private static SshdSessionFactory sshFactory(Credentials.Ssh s) {
        File home = FS.DETECTED.userHome();
        File sshDir = s.sshDirectory().map(Path::toFile).orElseGet(() -> new File(home, ".ssh"));
        SshdSessionFactoryBuilder b = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(sshDir);
        s.privateKey().ifPresent(k -> b.setDefaultIdentities(dir -> List.of(k)));
        s.knownHosts().ifPresent(k -> b.setDefaultKnownHostsFiles(dir -> List.of(k)));
        return b.build(new JGitKeyCache());
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }
}
