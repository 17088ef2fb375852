/** The UID/GID pairs Studio accepts for custom images (whitepaper, root access section), by their config spelling. */
export const IMAGE_USERS = {
    /** The non-root `sagemaker-user` of the SageMaker Distribution images. */
    "1000/100": { uid: 1000, gid: 100 },
    /** root inside the container (still not root on the host). */
    "0/0": { uid: 0, gid: 0 },
} as const;

export type ImageUser = keyof typeof IMAGE_USERS;
